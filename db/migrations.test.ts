// Content stored before the complete content model (migration 0002) stays readable: revisions
// and the published catalogue are migrated to the new shape, with empty values the provider
// completes at the next submission. Runs the real migration files on a throwaway PGlite database.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { actionDraftSchema } from "@/lib/validations/action";

const migrations = path.join(process.cwd(), "db", "migrations");
const journal = JSON.parse(readFileSync(path.join(migrations, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(migrations, dir, { recursive: true });
  writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

async function rows<T>(handle: DbHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function migrate(handle: DbHandle, folder: string) {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(handle.db as never, { migrationsFolder: folder });
}

const ids = {
  organisation: "11111111-1111-4111-8111-111111111111",
  action: "22222222-2222-4222-8222-222222222222",
  revision: "33333333-3333-4333-8333-333333333333",
  session: "44444444-4444-4444-8444-444444444444",
};

// As the walking skeleton stored it.
const oldContent = {
  title: "Maçon en bâtiment : du gros œuvre à la rénovation",
  objectives: "Devenir maçon et obtenir le titre professionnel de maçon.",
  content: "Lire un plan, monter des murs, couler une dalle.",
  permanentEntry: false,
  sessions: [{ id: ids.session, startDate: "2027-03-01", endDate: "2027-06-30", communeInsee: "54395", communeName: "Nancy", placesAvailable: 7 }],
};

describe("migration 0002: the complete content model", () => {
  let handle: DbHandle;
  let before: string;

  beforeAll(async () => {
    handle = await openDatabase({ pgliteDir: "memory://" });
    before = migrationsUpTo(journal.entries.findIndex((e) => e.tag.startsWith("0002")));
    await migrate(handle, before);
    const { db } = handle;
    await db.execute(sql`insert into communes (insee_code, name, department) values ('54395', 'Nancy', '54')`);
    await db.execute(sql`insert into organisations (id, slug, siret, name, street, postal_code, commune_insee, dossier_approved_at)
      values (${ids.organisation}, 'batiment', '41928637200026', 'Bâtiment Formation Lorraine', '12 rue de la Ravinelle', '54000', '54395', now())`);
    await db.execute(sql`insert into actions (id, organisation_id) values (${ids.action}, ${ids.organisation})`);
    await db.execute(sql`insert into action_revisions (id, action_id, number, status, content, codification)
      values (${ids.revision}, ${ids.action}, 1, 'approved', ${JSON.stringify(oldContent)}::jsonb, '{"formacodes": ["22334"]}'::jsonb)`);
    await db.execute(sql`insert into published_actions (action_id, revision_id, organisation_id, slug, title, objectives, content, formacodes, published_at, first_published_at)
      values (${ids.action}, ${ids.revision}, ${ids.organisation}, 'macon', ${oldContent.title}, ${oldContent.objectives}, ${oldContent.content}, '{22334}', now(), now())`);
    await db.execute(sql`insert into published_sessions (id, action_id, start_date, end_date, commune_insee, places_available)
      values (${ids.session}, ${ids.action}, '2027-03-01', '2027-06-30', '54395', 7)`);
    await migrate(handle, migrations);
  });

  afterAll(async () => {
    await handle?.close();
    if (before) rmSync(before, { recursive: true, force: true });
  });

  it("rewrites stored revisions to the new shape, readable as a draft", async () => {
    const [revision] = await rows<{ content: unknown }>(handle, sql`select content from action_revisions where id = ${ids.revision}`);
    const parsed = actionDraftSchema.safeParse(revision!.content);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      title: oldContent.title,
      objectives: oldContent.objectives,
      results: "",
      modules: [],
      funders: [],
      sessions: [
        {
          id: ids.session,
          startDate: "2027-03-01",
          address: { street: "", postcode: "", communeInsee: "54395", communeName: "Nancy" },
          placesTotal: 7,
          placesAvailable: 7,
          recruitment: "1",
        },
      ],
    });
  });

  it("fills the new columns of the published catalogue", async () => {
    const [action] = await rows<{ details: { title: string } }>(handle, sql`select details from published_actions where action_id = ${ids.action}`);
    expect(action!.details.title).toBe(oldContent.title);
    const sessions = await rows(handle, sql`select places_total, recruitment from published_sessions where action_id = ${ids.action}`);
    expect(sessions).toEqual([{ places_total: 7, recruitment: "1" }]);
  });

  it("gives the search rows written before migration 0015 their keys as one text", async () => {
    const [row] = await rows<{ keys: boolean; departments: string }>(
      handle,
      sql`select facet_text = array_to_string(facet_keys, chr(31)) as keys, departments_text as departments from search_actions where action_id = ${ids.action}`,
    );
    expect(row).toEqual({ keys: true, departments: "54" });
  });

  it("gives the rows published before migration 0012 their diffusion dates", async () => {
    const [action] = await rows<{ diffused_until: string }>(handle, sql`select diffused_until::text from published_actions where action_id = ${ids.action}`);
    // The last session starts on 1 March 2027: shown until 8 March, withdrawn on the 9th (R9).
    expect(action!.diffused_until).toBe("2027-03-09");
    const [organisation] = await rows<{ valid: boolean }>(
      handle,
      sql`select dossier_valid_until = ((now() at time zone 'Europe/Paris')::date + interval '12 months')::date as valid from organisations where id = ${ids.organisation}`,
    );
    expect(organisation!.valid).toBe(true);
  });
});
