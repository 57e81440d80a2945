/** « Agent de propreté et d’hygiène » → « agent-de-proprete-et-d-hygiene » */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/g, "") || "formation";
}

/** Public address of an action: readable words, then a stable part of its id so old links keep working. */
export function actionSlug(title: string, actionId: string): string {
  return `${slugify(title)}-${actionId.slice(0, 8)}`;
}

export function actionIdPrefixFromSlug(slug: string): string | null {
  const match = /-([0-9a-f]{8})$/.exec(slug);
  return match ? match[1]! : null;
}

/** What slugify writes (lower-case ASCII words joined by dashes), with room for the id suffix. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 200;

export function isWellFormedSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}
