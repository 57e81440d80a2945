import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isSameOrigin } from "@/lib/request-origin";

// What proxy.ts checks before Next.js handles a state-changing request (issue 10, finding 6), so
// that a forged or malformed one gets a clean 4xx instead of a 500 and an alarming log:
// - a POST to a page (a server action, with or without JavaScript) must come from this site's
//   own pages (Origin), else 403; a POST to an API route that says it comes from elsewhere, too;
// - a server action id must be one of this build's, callable from the page it is posted to
//   (no replaying the staff's « Valider » against « / »), and never a 'use cache' function,
//   which the build registers as a server reference too: else 404;
// - a JSON body must be JSON, nested no deeper than any form of ours goes: else 400.
// The ids come from the build's server-reference manifest, read once from the dist dir.

/** Deeper than any form of ours (an action's content is about 6 levels deep). */
export const MAX_ACTION_NESTING = 64;
/**
 * Next's own limit for server action bodies: serverActions.bodySizeLimit in next.config.ts
 * (6 MB, for « Importer un fichier LHÉO »). A larger body is answered 413 by Next before it
 * decodes anything (server-action-guard.test.ts checks that the two agree).
 */
export const MAX_ACTION_BODY = 6 * 1024 * 1024;

interface ManifestEntry {
  exportedName?: string;
  workers?: Record<string, unknown>;
}

export interface KnownAction {
  /** A 'use cache' function: a server reference of the build, never callable from outside. */
  cached: boolean;
  /** The pages it may be posted to (any page when it is available on the not-found page). */
  routes: RegExp[];
  anywhere: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** « app/(gestion)/gestion/validation/[revisionId]/page » → the pathnames that page answers. */
export function workerRoute(worker: string): RegExp {
  const segments = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  const pattern = segments
    .map((segment) => {
      if (segment.startsWith("[[...")) return "(?:/.*)?";
      if (segment.startsWith("[...")) return "/.+";
      if (segment.startsWith("[")) return "/[^/]+";
      return `/${escapeRegExp(segment)}`;
    })
    .join("");
  return new RegExp(`^${pattern}/?$`);
}

/** The actions of a server-reference manifest (its `node` part), by id. */
export function parseActionManifest(manifest: { node?: Record<string, ManifestEntry> }): Map<string, KnownAction> {
  const actions = new Map<string, KnownAction>();
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    const workers = Object.keys(entry.workers ?? {});
    actions.set(id, {
      cached: (entry.exportedName ?? "").startsWith("$$RSC_SERVER_CACHE"),
      routes: workers.filter((worker) => worker.endsWith("/page")).map(workerRoute),
      anywhere: workers.includes("app/_not-found/page"),
    });
  }
  return actions;
}

let loaded: Map<string, KnownAction> | null | undefined;

/** This build's actions; null when the manifest cannot be read (then only the form of an id is checked). */
function buildActions(): Map<string, KnownAction> | null {
  // The development server compiles pages, and their actions, on demand.
  if (process.env.NODE_ENV !== "production") return null;
  if (loaded !== undefined) return loaded;
  try {
    const file = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
    loaded = parseActionManifest(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    loaded = null;
  }
  return loaded;
}

/** True when the JSON text opens no more than `max` arrays and objects inside one another. */
export function nestingWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      if (++depth > max) return false;
    } else if (char === "]" || char === "}") depth--;
  }
  return true;
}

/** The body, read up to `limit` bytes: null when it is longer (Next answers 413 before decoding it). */
async function boundedBody(request: Request, limit: number = MAX_ACTION_BODY): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) return null;
  const reader = request.clone().body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: the cancel of one branch of a tee settles only once the other is read too.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A multipart body as a form: "too large" past Next's limit, "malformed" when it cannot be read. */
async function readForm(request: Request): Promise<FormData | "too large" | "malformed"> {
  const body = await boundedBody(request);
  if (!body) return "too large";
  try {
    return await new Request("http://form.invalid/", { method: "POST", headers: { "content-type": request.headers.get("content-type") ?? "" }, body }).formData();
  } catch {
    return "malformed";
  }
}

const ACTION_ID = "$ACTION_ID_";
const ACTION_REF = "$ACTION_REF_";

/**
 * Every action a form posted without JavaScript names, as React's decodeAction reads them (it
 * keeps the LAST of these fields, Next checks them all): `$ACTION_ID_<id>`, and for a bound
 * action `$ACTION_REF_<suffix>` with `$ACTION_<suffix>:0` = {"id": …}, whatever the suffix.
 * "" stands for an id that cannot be read; an empty list means the form names no action.
 */
export function formActionIds(form: FormData): string[] {
  const ids: string[] = [];
  for (const key of new Set(form.keys())) {
    if (key.startsWith(ACTION_ID)) ids.push(key.slice(ACTION_ID.length));
    else if (key.startsWith(ACTION_REF)) {
      const descriptors = form.getAll(`$ACTION_${key.slice(ACTION_REF.length)}:0`);
      const descriptor = descriptors.length === 1 ? descriptors[0] : undefined;
      const id: unknown = typeof descriptor === "string" && isShallowJson(descriptor) ? (JSON.parse(descriptor) as { id?: unknown } | null)?.id : undefined;
      ids.push(typeof id === "string" ? id : "");
    }
  }
  return ids;
}

/** True when the JSON text is JSON, nested no deeper than any form of ours. */
function isShallowJson(text: string): boolean {
  if (!nestingWithin(text, MAX_ACTION_NESTING)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the rows of a reply in a multipart body are what React's decodeReply can read: every
 * string field named `<prefix>…` is a JSON row (`<prefix>0` the root, `<prefix>S<n>` the rows of
 * a stream, which may start with the « C » that closes it), nested no deeper than any form of
 * ours. Fields named `<prefix>_<n>_…` are the entries of a FormData argument, handed to the
 * action as they are, and files are files: neither is parsed.
 */
export function replyRowsWellFormed(form: FormData, prefix = ""): boolean {
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || !key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if (name.startsWith("_")) continue;
    const row = name.startsWith("S") && value.startsWith("C") ? value.slice(1) : value;
    if (name.startsWith("S") && value === "C") continue;
    if (!isShallowJson(row)) return false;
  }
  return true;
}

export interface Refusal {
  status: 400 | 403 | 404;
  message: string;
}

const FOREIGN: Refusal = { status: 403, message: "Requête refusée\u00a0: elle ne vient pas d’une page de ce site." };
const UNKNOWN_ACTION: Refusal = { status: 404, message: "Cette opération n’existe pas sur cette page. Rechargez la page puis recommencez." };
const MALFORMED: Refusal = { status: 400, message: "Requête mal formée." };

/** Why an action id must not be called on this page, or null when it may. */
function refuseAction(actionId: string, pathname: string, actions: Map<string, KnownAction> | null): Refusal | null {
  if (!/^[0-9a-f]{40,44}$/i.test(actionId)) return UNKNOWN_ACTION;
  if (actions) {
    const action = actions.get(actionId);
    if (!action || action.cached) return UNKNOWN_ACTION;
    if (!action.anywhere && !action.routes.some((route) => route.test(pathname))) return UNKNOWN_ACTION;
  }
  return null;
}

/** Why this request must not reach Next, or null when it may. */
export async function refuseStateChange(request: Request, pathname: string, actions: Map<string, KnownAction> | null = buildActions()): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const { headers } = request;
  if (pathname.startsWith("/api/")) {
    // Auth.js (its own CSRF token) and the cron routes (a Bearer secret) are posted to without a
    // browser: an absent Origin passes; another site's does not.
    return headers.get("origin") && !isSameOrigin(headers) ? FOREIGN : null;
  }
  if (!isSameOrigin(headers)) return FOREIGN;
  const type = headers.get("content-type") ?? "";
  const multipart = type.startsWith("multipart/form-data");
  const actionId = headers.get("next-action");
  if (actionId === null) {
    // Without the header, Next hands a multipart body to React's decodeAction (a form posted
    // without JavaScript); any other body is no server action.
    if (!multipart) return null;
    const form = await readForm(request);
    if (form === "too large") return null;
    if (form === "malformed") return UNKNOWN_ACTION;
    for (const id of formActionIds(form)) {
      const refusal = refuseAction(id, pathname, actions);
      if (refusal) return refusal;
    }
    // A bound action's arguments: the rows `$ACTION_<suffix>:<n>`, decoded like a reply.
    const bound = [...new Set(form.keys())].filter((key) => key.startsWith(ACTION_REF)).map((key) => `$ACTION_${key.slice(ACTION_REF.length)}:`);
    return bound.every((prefix) => replyRowsWellFormed(form, prefix)) ? null : MALFORMED;
  }
  const refusal = refuseAction(actionId, pathname, actions);
  if (refusal) return refusal;
  if (multipart) {
    // Next decodes the fields like a text body (React's decodeReply): the same checks, per field.
    if (!/boundary=/.test(type)) return MALFORMED;
    const form = await readForm(request);
    if (form === "too large") return null;
    return form !== "malformed" && replyRowsWellFormed(form) ? null : MALFORMED;
  }
  const body = await boundedBody(request);
  return body && isShallowJson(new TextDecoder().decode(body)) ? null : MALFORMED;
}
