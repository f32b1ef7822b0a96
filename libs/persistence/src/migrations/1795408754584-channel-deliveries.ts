import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChannelDeliveries1795408754584 implements MigrationInterface {
  name = 'ChannelDeliveries1795408754584';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"channel_subscriptions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"unit\" text NOT NULL, \"kind\" text NOT NULL, \"target\" jsonb NOT NULL, \"digest\" boolean NOT NULL DEFAULT false, \"enabled\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_1ea192c352ae72396e7157f29d1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_channel_subscriptions_unit\" ON \"channel_subscriptions\"  (\"unit\") ");
    await queryRunner.query("CREATE TABLE \"channel_deliveries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"message_key\" text NOT NULL, \"subscription_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"status\" text NOT NULL, \"attempts\" integer NOT NULL DEFAULT '1', \"last_error\" text, \"finished_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_20873e67faeb472d7f3f3a317d9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_channel_deliveries\" ON \"channel_deliveries\"  (\"message_key\", \"subscription_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"uq_channel_deliveries\"");
    await queryRunner.query("DROP TABLE \"channel_deliveries\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_channel_subscriptions_unit\"");
    await queryRunner.query("DROP TABLE \"channel_subscriptions\"");
  }
}
