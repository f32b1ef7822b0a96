import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginLockoutsPerClient1796142421939 implements MigrationInterface {
  name = 'LoginLockoutsPerClient1796142421939';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"login_lockouts\" ADD \"client_ip\" text NOT NULL DEFAULT '*'");
    await queryRunner.query("ALTER TABLE \"login_lockouts\" DROP CONSTRAINT \"PK_75969370a942d23e41d1f48606f\"");
    await queryRunner.query("ALTER TABLE \"login_lockouts\" ADD CONSTRAINT \"PK_180c32855f124600d49edbb036f\" PRIMARY KEY (\"username\", \"client_ip\")");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"login_lockouts\" DROP CONSTRAINT \"PK_180c32855f124600d49edbb036f\"");
    await queryRunner.query("ALTER TABLE \"login_lockouts\" ADD CONSTRAINT \"PK_75969370a942d23e41d1f48606f\" PRIMARY KEY (\"username\")");
    await queryRunner.query("ALTER TABLE \"login_lockouts\" DROP COLUMN \"client_ip\"");
  }
}
