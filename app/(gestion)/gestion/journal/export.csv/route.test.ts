// The journal's CSV export, called as a browser would: the session and the role checked by the
// route itself, then UTF-8 with a byte order mark, « ; » between fields, and fields holding « ; »,
// quotes or line breaks quoted so that a spreadsheet reads them whole.

import { signInAs } from "@/app/test-utils/server-action-harness";
import { parseCsv } from "@/app/test-utils/csv";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "@/app/(gestion)/gestion/journal/export.csv/route";
import { CSV_HEADER, csvField, csvLine } from "@/app/(gestion)/gestion/journal/csv";
import { getDb } from "@/db";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { createProviderAndStaff } from "@/db/test-utils/fixtures";

const REASON = 'Dates à revoir ; la session « "printemps" » commence\navant la fin de la précédente.';

async function scene() {
  const s = await createProviderAndStaff();
  const db = await getDb();
  await db.insert(auditLog).values([
    { entityType: "organisation", entityId: s.organisation.id, at: new Date("2002-03-04T08:00:00Z"), event: "dossier.submitted", actorId: s.provider.id, actorRole: "provider", details: { dossierId: crypto.randomUUID() } },
    {
      entityType: "organisation",
      entityId: s.organisation.id,
      at: new Date("2002-03-05T15:30:00Z"),
      event: "dossier.rejected",
      actorId: s.staff.id,
      actorRole: "staff",
      details: { dossierId: crypto.randomUUID(), reason: REASON, passwordHash: "$argon2id$secret", token: "tok-123" },
    },
  ]);
  return s;
}

const exportOf = (search: string) => GET(new NextRequest(`http://localhost/gestion/journal/export.csv${search}`));

describe("GET /gestion/journal/export.csv", () => {
  it("refuses anonymous visitors and providers", async () => {
    const s = await scene();
    signInAs(null);
    expect((await exportOf("")).status).toBe(401);
    signInAs(s.provider);
    const refused = await exportOf("");
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(";");
  });

  it("refuses staff signed in with temporary codes until they choose their password (R10)", async () => {
    const s = await scene();
    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, s.staff.id));
    signInAs(s.staff);
    const refused = await exportOf("");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/Choisissez d’abord votre mot de passe/);
  });

  it("exports the filtered entries: BOM, header, « ; », quoted fields, no secret", async () => {
    const s = await scene();
    signInAs(s.staff);
    const response = await exportOf(`?organisme=${s.organisation.id}&du=2002-03-01&au=2002-03-31&avant=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="journal-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).not.toMatch(/argon2|tok-123|secret/);

    // The cursor is ignored: the export starts at the newest entry.
    const [header, rejected, submitted, ...rest] = parseCsv(text);
    expect(header).toEqual(CSV_HEADER);
    expect(rest).toEqual([]);
    expect(rejected).toEqual([
      "2002-03-05 16:30:00",
      "Dossier renvoyé à l’organisme",
      "dossier.rejected",
      s.staff.displayName,
      "Équipe",
      s.organisation.name,
      `Dossier de ${s.organisation.name}`,
      s.organisation.id,
      `Motif\u00a0: ${REASON}`,
      expect.stringMatching(/^\d+$/),
    ]);
    expect(submitted!.slice(0, 5)).toEqual(["2002-03-04 09:00:00", "Dossier envoyé pour validation", "dossier.submitted", s.provider.displayName, "Organisme"]);
  });

  it("quotes what needs it and defuses spreadsheet formulas", () => {
    expect(csvField("simple")).toBe("simple");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvField("deux\nlignes")).toBe('"deux\nlignes"');
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+33 3 83")).toBe("'+33 3 83");
    expect(csvLine(["a", "b;c"])).toBe('a;"b;c"\r\n');
  });
});
