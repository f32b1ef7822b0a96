import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795406872862 implements MigrationInterface {
  name = 'Accounts1795406872862';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"username\" text NOT NULL, \"display_name\" text NOT NULL, \"role\" text NOT NULL, \"unit_ids\" text array NOT NULL DEFAULT '{}', \"password_hash\" text NOT NULL, \"disabled\" boolean NOT NULL DEFAULT false, \"token_version\" integer NOT NULL DEFAULT '0', \"password_changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_fe0bb3f6520ee0469504521e710\" UNIQUE (\"username\"), CONSTRAINT \"chk_users_role\" CHECK (role IN ('unit_staff', 'supervisor', 'coordinator', 'admin', 'system')), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"refresh_tokens\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_a7838d2ba25be1342091b6695f1\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_7d8bee0204106019488c4c50ffa\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_refresh_tokens_user\" ON \"refresh_tokens\"  (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_refresh_tokens_family\" ON \"refresh_tokens\"  (\"family_id\") ");
    await queryRunner.query("CREATE TABLE \"login_lockouts\" (\"username\" text NOT NULL, \"failed_attempts\" integer NOT NULL DEFAULT '0', \"last_failed_at\" TIMESTAMP WITH TIME ZONE, \"locked_until\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_75969370a942d23e41d1f48606f\" PRIMARY KEY (\"username\"))");
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"request_id\" text, \"user_id\" uuid, \"username\" text, \"role\" text, \"method\" text NOT NULL, \"path\" text NOT NULL, \"route\" text, \"params\" jsonb NOT NULL DEFAULT '{}', \"body_summary\" jsonb, \"status_code\" integer NOT NULL, \"duration_ms\" integer NOT NULL, \"ip\" text, \"user_agent\" text, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_audit_log_user_occurred_at\" ON \"audit_log\"  (\"user_id\", \"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_log_occurred_at\" ON \"audit_log\"  (\"occurred_at\") ");
    await queryRunner.query("ALTER TABLE \"refresh_tokens\" ADD CONSTRAINT \"FK_3ddc983c5f7bcf132fd8732c3f4\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Hand-added: the audit log is append-only. The trigger refuses UPDATE and DELETE of any row, and
    // TRUNCATE, for every database role including the application's own (no code path needs them).
    await queryRunner.query(
      "CREATE FUNCTION \"audit_log_refuse_change\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$",
    );
    await queryRunner.query("CREATE TRIGGER \"audit_log_append_only\" BEFORE UPDATE OR DELETE ON \"audit_log\" FOR EACH ROW EXECUTE FUNCTION \"audit_log_refuse_change\"()");
    await queryRunner.query("CREATE TRIGGER \"audit_log_no_truncate\" BEFORE TRUNCATE ON \"audit_log\" FOR EACH STATEMENT EXECUTE FUNCTION \"audit_log_refuse_change\"()");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"refresh_tokens\" DROP CONSTRAINT \"FK_3ddc983c5f7bcf132fd8732c3f4\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_audit_log_occurred_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_audit_log_user_occurred_at\"");
    await queryRunner.query("DROP TRIGGER \"audit_log_no_truncate\" ON \"audit_log\"");
    await queryRunner.query("DROP TRIGGER \"audit_log_append_only\" ON \"audit_log\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
    await queryRunner.query("DROP FUNCTION \"audit_log_refuse_change\"()");
    await queryRunner.query("DROP TABLE \"login_lockouts\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_refresh_tokens_family\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_refresh_tokens_user\"");
    await queryRunner.query("DROP TABLE \"refresh_tokens\"");
    await queryRunner.query("DROP TABLE \"users\"");
  }
}
