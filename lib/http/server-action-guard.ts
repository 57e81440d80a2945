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
/** Next's own limit for server action bodies (serverActions.bodySizeLimit, 1 MB). */
const MAX_ACTION_BODY = 1024 * 1024;

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

/**
 * The action a form posted without JavaScript names (React writes `$ACTION_ID_<id>`, or
 * `$ACTION_<n>:0` = {"id": …} for a bound action): "" when the body cannot be read as a form.
 */
async function formActionId(request: Request): Promise<string | null> {
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return "";
  }
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION_ID_")) return key.slice("$ACTION_ID_".length);
    if (/^\$ACTION_\d+:0$/.test(key) && typeof value === "string") {
      try {
        const id: unknown = (JSON.parse(value) as { id?: unknown }).id;
        return typeof id === "string" ? id : "";
      } catch {
        return "";
      }
    }
  }
  return null;
}

export interface Refusal {
  status: 400 | 403 | 404;
  message: string;
}

const FOREIGN: Refusal = { status: 403, message: "Requête refusée\u00a0: elle ne vient pas d’une page de ce site." };
const UNKNOWN_ACTION: Refusal = { status: 404, message: "Cette opération n’existe pas sur cette page. Rechargez la page puis recommencez." };
const MALFORMED: Refusal = { status: 400, message: "Requête mal formée." };

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
  const actionId = headers.get("next-action") ?? (type.startsWith("multipart/form-data") ? await formActionId(request) : null);
  if (actionId === null) return null;
  if (!/^[0-9a-f]{40,44}$/i.test(actionId)) return UNKNOWN_ACTION;
  if (actions) {
    const action = actions.get(actionId);
    if (!action || action.cached) return UNKNOWN_ACTION;
    if (!action.anywhere && !action.routes.some((route) => route.test(pathname))) return UNKNOWN_ACTION;
  }
  if (type.startsWith("multipart/form-data")) return /boundary=/.test(type) ? null : MALFORMED;
  const body = await request.clone().text();
  if (body.length > MAX_ACTION_BODY || !nestingWithin(body, MAX_ACTION_NESTING)) return MALFORMED;
  try {
    JSON.parse(body);
  } catch {
    return MALFORMED;
  }
  return null;
}
