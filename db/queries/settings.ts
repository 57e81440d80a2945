import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { settings } from "@/db/schema";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { SETTINGS, type SettingName, type SettingValue } from "@/lib/validations/settings";

/** The saved value of a setting, or its fallback when none was saved or the saved one no longer parses. */
export async function getSetting<N extends SettingName>(name: N): Promise<SettingValue<N>> {
  const { key, schema, fallback } = SETTINGS[name];
  const db = await getDb();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return (parsed.success ? parsed.data : fallback) as SettingValue<N>;
}

/** Saves a setting already checked with its schema, and records who changed it. */
export async function saveSetting<N extends SettingName>({ name, value, actor, now = new Date() }: { name: N; value: SettingValue<N>; actor: Actor; now?: Date }) {
  const { key } = SETTINGS[name];
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key, value, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: actor.id } });
    await writeAudit(tx, { actor, event: "setting.saved", entityType: "setting", entityId: key, at: now });
  });
}
