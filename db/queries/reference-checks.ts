import "server-only";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { communes, formacodes, postcodes } from "@/db/schema";
import { FORMACODE_EDITION } from "@/db/reference/load";

type Reader = Database | Transaction;

export interface AddressInput {
  /** Where the address is in the form: "sessions.2.address" or "address". */
  path: string;
  postcode: string;
  communeInsee: string;
}

/**
 * Checks addresses against the official lists: the commune exists, and the postcode is one of
 * the commune's (La Poste). Returns the commune names by INSEE code, and French errors by field
 * path for what does not match.
 */
export async function checkAddresses(db: Reader, addresses: AddressInput[]) {
  const codes = [...new Set(addresses.map((a) => a.communeInsee).filter(Boolean))];
  const names = new Map<string, string>();
  const postcodesOf = new Map<string, Set<string>>();
  if (codes.length > 0) {
    const rows = await db
      .select({ code: communes.inseeCode, name: communes.name, postcode: postcodes.postcode })
      .from(communes)
      .leftJoin(postcodes, eq(postcodes.inseeCode, communes.inseeCode))
      .where(inArray(communes.inseeCode, codes));
    for (const row of rows) {
      names.set(row.code, row.name);
      if (!postcodesOf.has(row.code)) postcodesOf.set(row.code, new Set());
      if (row.postcode) postcodesOf.get(row.code)!.add(row.postcode);
    }
  }
  const errors: Record<string, string> = {};
  for (const address of addresses) {
    if (!address.communeInsee) continue;
    const name = names.get(address.communeInsee);
    if (!name) {
      errors[`${address.path}.communeInsee`] = "Cette commune n’est pas dans la liste officielle des communes : choisissez-la dans la liste.";
      continue;
    }
    const known = postcodesOf.get(address.communeInsee)!;
    // A few communes have no postcode of their own in La Poste's list: any well-formed one is accepted.
    if (address.postcode && known.size > 0 && !known.has(address.postcode)) {
      errors[`${address.path}.postcode`] =
        `Le code postal ${address.postcode} n’est pas celui de ${name} (${[...known].sort().join(", ")}) : corrigez le code postal ou la commune.`;
    }
  }
  return { names, errors };
}

/** The Formacode codes of the list that do not exist (in the edition in use), optionally only of one kind (« PUB »). */
export async function unknownFormacodes(db: Reader, codes: string[], kind?: "PUB"): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .select({ code: formacodes.code })
    .from(formacodes)
    .where(
      and(
        eq(formacodes.edition, FORMACODE_EDITION),
        inArray(formacodes.code, codes),
        kind ? like(formacodes.kind, `${kind}%`) : sql`true`,
      ),
    );
  const known = new Set(found.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}
