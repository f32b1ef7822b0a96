import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationDirectory1796152271647 implements MigrationInterface {
  name = 'OrganisationDirectory1796152271647';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"jurisdictions\" (\"id\" uuid NOT NULL, \"code\" text, \"name\" text NOT NULL, \"level\" text NOT NULL, \"parent_id\" uuid, \"valid_to\" date, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_e33b5f6afb84e58de0c2399edb0\" UNIQUE (\"code\"), CONSTRAINT \"chk_jurisdictions_level\" CHECK (level IN ('province', 'city', 'district', 'county')), CONSTRAINT \"PK_7cc0bed21c9e2b32866c1109ec5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_jurisdictions_parent\" ON \"jurisdictions\"  (\"parent_id\") ");
    await queryRunner.query("CREATE TABLE \"units\" (\"id\" uuid NOT NULL, \"jurisdiction_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"name\" text NOT NULL, \"short_name\" text, \"parent_id\" uuid, \"region\" text, \"valid_from\" date, \"valid_to\" date, \"successor_id\" uuid, \"flagged\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"chk_units_kind\" CHECK (kind IN ('department', 'district_government', 'collective', 'management_committee', 'party_body', 'other')), CONSTRAINT \"PK_5a8f2f064919b587d93936cb223\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_units_jurisdiction\" ON \"units\"  (\"jurisdiction_id\") ");
    await queryRunner.query("CREATE TABLE \"unit_aliases\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"unit_id\" uuid NOT NULL, \"alias\" text NOT NULL, \"jurisdiction_id\" uuid NOT NULL, \"source\" text NOT NULL DEFAULT 'seed', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_244713230c89362d91537be3f71\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_unit_aliases_unit\" ON \"unit_aliases\"  (\"unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_unit_aliases_jurisdiction_alias\" ON \"unit_aliases\"  (\"jurisdiction_id\", \"alias\") ");
    await queryRunner.query("ALTER TABLE \"plans\" ADD \"jurisdiction_id\" uuid");
    await queryRunner.query("ALTER TABLE \"plans\" ADD \"plan_end_default_accepted_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"assignments\" ADD \"unit_id\" uuid");
    await queryRunner.query("CREATE INDEX \"idx_assignments_unit_id_status\" ON \"assignments\"  (\"unit_id\", \"status\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_assignments_unit_id_status\"");
    await queryRunner.query("ALTER TABLE \"assignments\" DROP COLUMN \"unit_id\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP COLUMN \"plan_end_default_accepted_at\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP COLUMN \"jurisdiction_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_unit_aliases_jurisdiction_alias\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_unit_aliases_unit\"");
    await queryRunner.query("DROP TABLE \"unit_aliases\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_units_jurisdiction\"");
    await queryRunner.query("DROP TABLE \"units\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_jurisdictions_parent\"");
    await queryRunner.query("DROP TABLE \"jurisdictions\"");
  }
}
