import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { organisations } from "@/db/schema";
import type { Contact } from "@/lib/validations/fields";

/** The organisation's general contact, which an action without its own contact shows. */
export async function getOrganisationContact({ organisationId }: { organisationId: string }): Promise<Contact> {
  const db = await getDb();
  const [row] = await db
    .select({ name: organisations.name, phone: organisations.phone, email: organisations.email })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return { name: row?.name ?? "", phone: row?.phone ?? "", email: row?.email ?? "" };
}
