import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';

const LIMIT_BYTES = 2 * 1024 * 1024;

function readText(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMIT_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new PayloadTooLargeException('The request body is larger than the 2 MB limit.'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Only JSON and form bodies are parsed globally; this reads a text/csv (or text/plain) body as a string. */
@Injectable()
export class CsvBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.is(['text/csv', 'text/plain']) || !req.readable) return next.handle();
    return from(readText(req)).pipe(
      switchMap((text) => {
        req.body = text;
        return next.handle();
      }),
    );
  }
}
