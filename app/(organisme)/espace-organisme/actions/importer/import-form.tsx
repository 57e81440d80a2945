"use client";

import Link from "next/link";
import { useState } from "react";
import { importLheoBatch, readLheoFile } from "@/app/(organisme)/espace-organisme/actions/importer/server-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ImportReport } from "@/db/queries/lheo-import";
import type { ImportedFormation } from "@/lib/lheo/import-content";
import { FILE_ERRORS, IMPORT_BATCH, IMPORT_MAX_BYTES } from "@/lib/lheo/import-limits";

type Line = { position: number; title: string; status: "created" | "refused" | "waiting"; actionId?: string; message?: string; notes: string[] };

function lineOf(formation: ImportedFormation): Line {
  return formation.refusal
    ? { position: formation.position, title: formation.title, status: "refused", message: formation.refusal, notes: formation.notes }
    : { position: formation.position, title: formation.title, status: "waiting", notes: formation.notes };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("fr-FR")}\u00a0${n > 1 ? many : one}`;

/** Reads the file on the server, then saves its formations as drafts in batches, showing progress. */
export function ImportForm() {
  const [phase, setPhase] = useState<"idle" | "reading" | "importing" | "done">("idle");
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [done, setDone] = useState(0);
  const [total, setTotal] = useState(0);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setLines([]);
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Choisissez un fichier LHÉO (extension .xml).");
    if (file.size > IMPORT_MAX_BYTES) return setError(FILE_ERRORS.tooLarge);
    setPhase("reading");
    try {
      const read = await readLheoFile(form);
      if (!("formations" in read)) {
        setPhase("idle");
        return setError(read.message ?? "Ce fichier n’a pas pu être lu.");
      }
      const importable = read.formations.filter((f) => f.content !== null);
      let current = read.formations.map(lineOf);
      setLines(current);
      setTotal(importable.length);
      setDone(0);
      setPhase("importing");
      for (let i = 0; i < importable.length; i += IMPORT_BATCH) {
        const batch = importable.slice(i, i + IMPORT_BATCH);
        const result = await importLheoBatch({
          fileName: read.fileName,
          formations: batch.map((f) => ({ position: f.position, numero: f.numero, content: f.content, notes: f.notes })),
        });
        const reports: ImportReport[] =
          "reports" in result ? result.reports : batch.map((f) => ({ position: f.position, title: f.title, status: "refused", message: result.message ?? "Cette formation n’a pas pu être importée.", notes: f.notes }));
        current = current.map((line) => reports.find((r) => r.position === line.position) ?? line);
        setLines(current);
        setDone(Math.min(i + batch.length, importable.length));
      }
      setPhase("done");
    } catch {
      setPhase("idle");
      setError("L’import s’est interrompu (connexion perdue ou fichier trop lourd). Les formations déjà importées sont dans vos brouillons ; relancez l’import pour les autres.");
    }
  }

  const created = lines.filter((l) => l.status === "created").length;
  const refused = lines.filter((l) => l.status === "refused").length;
  const busy = phase === "reading" || phase === "importing";

  return (
    <>
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="lheo-file" className="block font-medium">
            Fichier LHÉO (format 2.2 ou 2.3, 5&nbsp;Mo au plus)
          </label>
          <input id="lheo-file" name="file" type="file" accept=".xml,application/xml,text/xml" required disabled={busy} className="mt-2 block" aria-describedby={error ? "import-error" : undefined} />
        </div>
        <Button type="submit" disabled={busy}>
          {phase === "reading" ? "Lecture du fichier…" : "Importer le fichier"}
        </Button>
        {error && (
          <p id="import-error" role="alert" className="text-red-800">
            {error}
          </p>
        )}
      </form>

      <div aria-live="polite" className="mt-6">
        {phase === "importing" && (
          <div>
            <label htmlFor="import-progress" className="block font-medium">
              Import en cours&nbsp;: {done.toLocaleString("fr-FR")} sur {plural(total, "formation", "formations")}
            </label>
            <progress id="import-progress" max={Math.max(total, 1)} value={done} className="mt-2 w-full" />
          </div>
        )}
        {phase === "done" && (
          <Notice tone={refused > 0 ? "info" : "success"}>
            Import terminé&nbsp;: {plural(created, "brouillon créé", "brouillons créés")}
            {refused > 0 && <>, {plural(refused, "formation non importée", "formations non importées")}</>}. Les brouillons ne sont pas publiés&nbsp;:
            relisez-les puis envoyez-les pour validation.
          </Notice>
        )}
      </div>

      {lines.length > 0 && (
        <section className="mt-6" aria-labelledby="import-report">
          <h2 id="import-report" className="text-xl font-semibold">
            Compte rendu, formation par formation
          </h2>
          <ol className="mt-3 space-y-3">
            {lines.map((line) => (
              <li key={line.position} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <p className="font-medium">
                  {line.position}. {line.title || "Formation sans intitulé"}
                </p>
                <p className={line.status === "refused" ? "mt-1 text-red-800" : "mt-1 text-slate-700"}>
                  {line.status === "created" && (
                    <>
                      Brouillon créé.{" "}
                      <Link href={`/espace-organisme/actions/${line.actionId}`} className="text-brand-700 underline">
                        Ouvrir le brouillon
                      </Link>
                    </>
                  )}
                  {line.status === "refused" && <>Non importée&nbsp;: {line.message}</>}
                  {line.status === "waiting" && "En attente…"}
                </p>
                {line.notes.length > 0 && (
                  <ul className="mt-2 list-disc pl-5 text-slate-700">
                    {line.notes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
