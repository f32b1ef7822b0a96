import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795406169165 implements MigrationInterface {
  name = 'Initial1795406169165';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"inbox_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"outbox_message_id\" uuid NOT NULL, \"recipient\" text NOT NULL, \"kind\" text NOT NULL, \"title\" text NOT NULL, \"body\" text NOT NULL, \"payload\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_ae0865f46a8d958c41115f8bfa9\" UNIQUE (\"outbox_message_id\"), CONSTRAINT \"PK_f12cf14472c0a9d19bb57cc8478\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_inbox_messages_recipient_created\" ON \"inbox_messages\"  (\"recipient\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"outbox_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"idempotency_key\" text NOT NULL, \"kind\" text NOT NULL, \"recipient\" text NOT NULL, \"title\" text NOT NULL, \"body\" text NOT NULL, \"payload\" jsonb NOT NULL DEFAULT '{}', \"status\" text NOT NULL DEFAULT 'pending', \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"delivered_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_d6d234f89900376e7e91c8149bf\" UNIQUE (\"idempotency_key\"), CONSTRAINT \"PK_0171348f527c64b137e4d4f5b66\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_outbox_messages_status_created\" ON \"outbox_messages\"  (\"status\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"plans\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"source_hash\" text NOT NULL, \"document_name\" text NOT NULL, \"title\" text NOT NULL, \"doc_number\" text, \"issuer\" text, \"period_from\" integer, \"period_to\" integer, \"status\" text NOT NULL DEFAULT 'draft', \"task_count\" integer NOT NULL, \"parsed\" jsonb NOT NULL, \"warnings\" jsonb NOT NULL DEFAULT '[]', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"published_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_ca74cbee02c859ee3080eebf4fa\" UNIQUE (\"source_hash\"), CONSTRAINT \"PK_3720521a81c7c24fe9b7202ba61\" PRIMARY KEY (\"id\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"plans\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_outbox_messages_status_created\"");
    await queryRunner.query("DROP TABLE \"outbox_messages\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_inbox_messages_recipient_created\"");
    await queryRunner.query("DROP TABLE \"inbox_messages\"");
  }
}
