// Open data: the same diffused offer as the public site, as JSON (an object per action) and CSV
// (a row per session, BOM, `;`), public and cacheable; texts a provider typed survive the trip.

import "@/app/test-utils/server-action-harness";
import { parseCsv } from "@/app/test-utils/csv";
import { describe, expect, it } from "vitest";
import { GET as actionsCsv } from "@/app/api/export/actions.csv/route";
import { GET as actionsJson } from "@/app/api/export/actions.json/route";
import { listDiffusedActions } from "@/db/queries/catalogue";
import { actionContent, createProviderAndStaff, publishAction, sessionContent } from "@/db/test-utils/fixtures";
import { parisDate } from "@/lib/dates";
import { ACTION_FIELDS, SESSION_FIELDS } from "@/lib/open-data";
import { numeros } from "@/lib/lheo/writer";

const HOSTILE = "Prix ; « 300 € » & \"devis\"\nsur deux lignes";

async function publishHostile() {
  const people = await createProviderAndStaff();
  const sessions = [sessionContent(), sessionContent()];
  const content = actionContent({ objectives: HOSTILE, content: "=SOMME(A1:A9) n’est pas une formule ici, c’est du texte.", sessions });
  const { actionId } = await publishAction({ organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor, content });
  return { actionId, sessions };
}

describe("open data", () => {
  it("JSON: every diffused action once, with its sessions; public and cacheable", async () => {
    const { actionId, sessions } = await publishHostile();
    const response = await actionsJson();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=3600/);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await response.json();
    expect(body.licence.name).toBe("Licence Ouverte / Open Licence version 2.0");

    const listed = await listDiffusedActions({ today: parisDate(), limit: 1_000_000 });
    const numerosOf = (ids: string[]) => ids.map((id) => numeros.action(id)).sort();
    expect(body.actions.map((a: { numero_action: string }) => a.numero_action).sort()).toEqual(numerosOf(listed.map((a) => a.actionId)));

    const ours = body.actions.find((a: { numero_action: string }) => a.numero_action === numeros.action(actionId));
    expect(Object.keys(ours)).toEqual([...ACTION_FIELDS.map((f) => f.name), "sessions"]);
    expect(ours.objectifs).toBe(HOSTILE);
    expect(ours.sessions.map((s: { numero_session: string }) => s.numero_session).sort()).toEqual(sessions.map((s) => numeros.session(actionId, s.id)).sort());
    expect(Object.keys(ours.sessions[0])).toEqual(SESSION_FIELDS.map((f) => f.name));
    expect(ours.url).toMatch(/\/formations\/[a-z0-9-]+$/);
  });

  it("CSV: a byte order mark, `;` separators, one row per session, texts quoted, formulas defused", async () => {
    const { actionId, sessions } = await publishHostile();
    const response = await actionsCsv();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder consumes the byte order mark.
    const rows = parseCsv(new TextDecoder().decode(bytes));
    const header = rows[0]!;
    expect(header).toEqual([...ACTION_FIELDS, ...SESSION_FIELDS].map((f) => f.name));
    expect(rows.every((row) => row.length === header.length)).toBe(true);

    const column = (name: string) => header.indexOf(name);
    const ours = rows.filter((row) => row[column("numero_action")] === numeros.action(actionId));
    expect(ours.map((row) => row[column("numero_session")]).sort()).toEqual(sessions.map((s) => numeros.session(actionId, s.id)).sort());
    expect(ours[0]![column("objectifs")]).toBe(HOSTILE);
    expect(ours[0]![column("contenu")]).toBe("'=SOMME(A1:A9) n’est pas une formule ici, c’est du texte.");
    expect(ours[0]![column("gratuite")]).toBe("oui");
  });
});
