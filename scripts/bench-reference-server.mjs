// A reference server for the benchmark, answering {} to GET /: `node` is Node's http module
// alone, `express` a bare Express 5 app, `nest-express` and `nest` a bare NestJS controller on the
// Express and on the Fastify adapter (the app's). The app can be no faster than the framework it
// runs on, so these mark the ceilings its request pipeline is measured against.
// Usage: node scripts/bench-reference-server.mjs <kind> <port>
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [kind, port] = process.argv.slice(2);

if (kind === 'node') {
  createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  }).listen(Number(port), '127.0.0.1');
} else if (kind === 'express') {
  const app = require('express')();
  app.set('etag', false);
  app.get('/', (_req, res) => res.json({}));
  app.listen(Number(port), '127.0.0.1');
} else if (kind === 'nest' || kind === 'nest-express') {
  require('reflect-metadata');
  const { Controller, Get, Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  class Bare {
    answer() {
      return {};
    }
  }
  Reflect.decorate([Get()], Bare.prototype, 'answer', Object.getOwnPropertyDescriptor(Bare.prototype, 'answer'));
  Reflect.decorate([Controller()], Bare);
  class BareModule {}
  Reflect.decorate([Module({ controllers: [Bare] })], BareModule);
  if (kind === 'nest') {
    const { FastifyAdapter } = require('@nestjs/platform-fastify');
    const app = await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false });
    await app.listen(Number(port), '127.0.0.1');
  } else {
    const app = await NestFactory.create(BareModule, { logger: false });
    app.getHttpAdapter().getInstance().set('etag', false);
    await app.listen(Number(port), '127.0.0.1');
  }
} else {
  console.error('kind: node, express, nest-express or nest');
  process.exit(2);
}
