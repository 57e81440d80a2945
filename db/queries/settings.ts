import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { settings } from "@/db/schema";

export const SETTING_KEYS = {
  /** R10: whom providers contact when they lose their access codes (shown on the login page). */
  accessContact: "access_contact",
} as const;

export async function getSetting({ key }: { key: string }): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value ?? null;
}
