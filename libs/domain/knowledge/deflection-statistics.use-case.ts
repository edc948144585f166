import { Injectable } from '@nestjs/common';

import { KnowledgeArticleRepository } from './knowledge-article.repository';

/** The portal's forms that show suggestions before anything is sent: the report form and «Still et spørsmål». */
const FORM_CHANNELS = ['report', 'ticket'] as const;

/**
 * Per week, oldest first: how many filled-in forms were shown suggestions, and of those how many
 * ended with «Dette løste saken» instead of being sent. The deflection rate is `helped / shown`.
 */
export interface DeflectionRates {
  /** The Oslo Mondays ('YYYY-MM-DD'). */
  weeks: string[];
  shown: number[];
  helped: number[];
}

export interface TopDeflectingArticle {
  articleId: string;
  title: string;
  slug: string;
  /** Times it was suggested on a form in the period (once per form). */
  shown: number;
  /** Times it solved the case there. */
  helped: number;
}

/** The staff dashboard's figures on the knowledge base's deflection (read only). */
@Injectable()
export class DeflectionStatistics {
  constructor(private readonly repo: KnowledgeArticleRepository) {}

  /** Each form session counts once, in the week it was first shown suggestions. */
  async ratePerWeek(weeks: number, until = new Date()): Promise<DeflectionRates> {
    const counted = await this.repo.deflectionSessionsPerWeek(FORM_CHANNELS, until, weeks);
    const series = (key: string) => counted.series.find((s) => s.key === key)?.counts ?? counted.weeks.map(() => 0);
    const helped = series('helped');
    const sent = series('sent');
    return { weeks: counted.weeks, shown: helped.map((h, i) => h + sent[i]), helped };
  }

  /** The articles that solved most cases within the same weeks, most first. */
  topArticles(weeks: number, limit: number, until = new Date()): Promise<TopDeflectingArticle[]> {
    return this.repo.topDeflecting(FORM_CHANNELS, until, weeks, limit);
  }
}
