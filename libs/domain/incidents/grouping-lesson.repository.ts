import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { GroupingLesson } from './grouping-lesson.entity';

/** What staff corrections taught matching. */
@Injectable()
export class GroupingLessonRepository {
  constructor(private readonly db: DatabaseContext) {}

  all(): Promise<GroupingLesson[]> {
    return this.db.repository(GroupingLesson).find();
  }

  /** Stores the pair once (in a fixed order); a repeated lesson grows stronger, up to 1. */
  async learn(featureA: string, featureB: string, strength: number, source: string): Promise<void> {
    const [a, b] = featureA < featureB ? [featureA, featureB] : [featureB, featureA];
    await this.db.manager.query(
      `INSERT INTO grouping_lesson (feature_a, feature_b, strength, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (feature_a, feature_b) DO UPDATE SET strength = LEAST(1, grouping_lesson.strength + EXCLUDED.strength / 2), source = EXCLUDED.source`,
      [a, b, strength, source],
    );
  }
}
