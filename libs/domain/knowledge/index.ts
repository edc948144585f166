export * from './knowledge.module';
export * from './knowledge-article.entity';
export type { ArticleSymptoms, ReportSymptoms } from './rules/knowledge-match';
export * from './seed-knowledge-base.use-case';
export * from './suggest-articles.use-case';
