import type { MigrationInterface, QueryRunner } from 'typeorm';
import { linkLegacyRecipients } from '../organisation/link-legacy-recipients';

/**
 * Notifications are addressed by unit id, names kept for display: outbox and inbox rows gain recipient_name,
 * channel subscriptions unit_name. Rows written by name are moved onto ids from the assignments (already linked to
 * the directory) and the directory; the same linking runs again after the directory seed in `db migrate`, for
 * databases whose assignments get their ids only then. Rows nothing places keep their name (counted, not lost).
 */
export class RecipientsByUnitId1796163230414 implements MigrationInterface {
  name = 'RecipientsByUnitId1796163230414';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_messages" ADD "recipient_name" text');
    await queryRunner.query('ALTER TABLE "inbox_messages" ADD "recipient_name" text');
    await queryRunner.query('ALTER TABLE "channel_subscriptions" ADD "unit_name" text');
    await linkLegacyRecipients(queryRunner.manager);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Back to names: a row moved to an id gets its display name as its key again.
    await queryRunner.query('UPDATE "channel_subscriptions" SET unit = unit_name WHERE unit_name IS NOT NULL');
    await queryRunner.query('UPDATE "inbox_messages" SET recipient = recipient_name WHERE recipient_name IS NOT NULL');
    await queryRunner.query('UPDATE "outbox_messages" SET recipient = recipient_name WHERE recipient_name IS NOT NULL');
    await queryRunner.query('ALTER TABLE "channel_subscriptions" DROP COLUMN "unit_name"');
    await queryRunner.query('ALTER TABLE "inbox_messages" DROP COLUMN "recipient_name"');
    await queryRunner.query('ALTER TABLE "outbox_messages" DROP COLUMN "recipient_name"');
  }
}
