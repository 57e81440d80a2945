"use client";

import { useState, useTransition } from "react";
import { approveSubmission, rejectSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import { Button } from "@/components/ui/button";
import { ChipsPicker } from "@/components/ui/chips-picker";
import { Combobox, type Option } from "@/components/ui/combobox";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { diffWords } from "@/lib/diff/words";
import { LEVELS } from "@/lib/lheo/codes";
import type { RejectionReason } from "@/lib/validations/settings";
import { codificationSchema, type CodificationInput } from "@/lib/validations/action";
import { rejectionSchema, type Wording } from "@/lib/validations/review";

export interface RewordableText {
  key: Exclude<keyof Wording, "modules">;
  label: string;
  text: string;
}

export interface RewordableModule {
  id: string;
  title: string;
  content: string;
}

/** Staff's corrections shown as they type: added words underlined, removed ones struck through. */
function Changes({ before, after }: { before: string; after: string }) {
  if (before === after) return null;
  return (
    <p className="mt-1 rounded bg-slate-50 p-2 text-sm" aria-live="polite">
      <span className="font-medium">Votre correction : </span>
      {diffWords(before, after).map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={index} className="bg-green-100 text-green-900">
            <span className="sr-only">ajouté : </span>
            {part.text}
          </ins>
        ) : (
          <del key={index} className="bg-red-100 text-red-900">
            <span className="sr-only">supprimé : </span>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}

/**
 * Staff's decision on a submitted revision (R2): codify — one to five Formacodes, ROME codes, the
 * NSF code and the level, with proposals from the provider's words —, correct the wording if
 * needed, and « Valider »; or « Refuser » with a reason, from the stock reasons or written.
 */
export function ReviewForm({
  revisionId,
  submittedAt,
  initial,
  suggestions,
  texts,
  modules,
  reasons,
}: {
  revisionId: string;
  /** The sending shown: a decision on it is refused once the provider has sent the action again. */
  submittedAt: string;
  initial: { formacodes: Option[]; romeCodes: Option[]; nsf: Option | null; level: string };
  suggestions: Option[];
  texts: RewordableText[];
  modules: RewordableModule[];
  reasons: RejectionReason[];
}) {
  const [codes, setCodes] = useState<Option[]>(initial.formacodes);
  const [rome, setRome] = useState<Option[]>(initial.romeCodes);
  const [nsf, setNsf] = useState<Option | null>(initial.nsf);
  // Bumped when the NSF code is set from elsewhere (a Formacode's own): the field then shows it.
  // Not when it is picked or cleared in the field itself, which would rebuild the field and lose
  // the focus of the person typing in it.
  const [nsfSetElsewhere, setNsfSetElsewhere] = useState(0);
  const [level, setLevel] = useState(initial.level);
  const [edits, setEdits] = useState<Record<string, string>>(() => Object.fromEntries(texts.map((t) => [t.key, t.text])));
  const [moduleEdits, setModuleEdits] = useState(modules);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  const addCode = (option: Option) => {
    if (codes.some((c) => c.value === option.value) || codes.length >= 5) return;
    setCodes([...codes, option]);
    // The thesaurus gives the NSF code of the descriptor: offered when none is chosen yet.
    if (!nsf && option.nsf) {
      setNsf({ value: option.nsf, label: option.nsf });
      setNsfSetElsewhere((n) => n + 1);
    }
  };

  function approve() {
    const wording: Wording = {};
    for (const t of texts) if (edits[t.key] !== t.text) wording[t.key] = edits[t.key];
    const changedModules = moduleEdits.filter((m, i) => m.title !== modules[i]!.title || m.content !== modules[i]!.content);
    if (changedModules.length > 0) wording.modules = changedModules;
    const input = {
      revisionId,
      submittedAt,
      formacodes: codes.map((c) => c.value),
      romeCodes: rome.map((r) => r.value),
      nsfCode: nsf?.value ?? "",
      level: level as CodificationInput["level"],
      wording,
    };
    const parsed = codificationSchema.safeParse(input);
    if (!parsed.success) return setErrors({ [String(parsed.error.issues[0]!.path[0])]: parsed.error.issues[0]!.message });
    setErrors({});
    startTransition(async () => {
      const result = await approveSubmission(input);
      if (result) {
        setMessage(result.message);
        setErrors(result.errors ?? {});
      }
    });
  }

  function reject() {
    const parsed = rejectionSchema.safeParse({ reason });
    if (!parsed.success) return setErrors({ reason: parsed.error.issues[0]!.message });
    setErrors({});
    startTransition(async () => {
      const result = await rejectSubmission({ revisionId, submittedAt, reason });
      if (result) {
        setMessage(result.message);
        setErrors(result.errors ?? {});
      }
    });
  }

  const reworded = texts.filter((t) => edits[t.key] !== t.text).length + moduleEdits.filter((m, i) => m.title !== modules[i]!.title || m.content !== modules[i]!.content).length;

  return (
    <div className="space-y-8">
      {message && <Notice tone="error">{message}</Notice>}
      <section aria-labelledby="codification" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="codification" className="text-lg font-semibold">
          Codification et validation
        </h2>
        {suggestions.length > 0 && (
          <div>
            <p className="text-sm font-medium text-slate-800">Proposés d’après les mots de l’organisme</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {suggestions.map((s) => (
                <li key={s.value}>
                  <button
                    type="button"
                    className="rounded-full border border-brand-600 px-3 py-1 text-sm text-brand-800 hover:bg-brand-50 disabled:opacity-50"
                    disabled={codes.some((c) => c.value === s.value)}
                    onClick={() => addCode(s)}
                  >
                    Ajouter {s.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <ChipsPicker
          label="Ajouter un code Formacode"
          chosenLabel="Codes Formacode choisis"
          hint="Au moins un, cinq au plus. Cherchez par code, par mot du libellé ou par synonyme, même sans accent."
          endpoint="/api/reference/formacodes"
          placeholder="maçonnerie, gros oeuvre, 22334…"
          max={5}
          selected={codes}
          onChange={(selected) => {
            const added = selected.find((s) => !codes.some((c) => c.value === s.value));
            if (added) addCode(added);
            else setCodes(selected);
          }}
          error={errors.formacodes}
        />
        <ChipsPicker
          label="Ajouter un code ROME (facultatif)"
          chosenLabel="Codes ROME choisis"
          hint="Les métiers visés, cinq au plus."
          endpoint="/api/reference/rome"
          placeholder="maçon, F1703…"
          max={5}
          selected={rome}
          onChange={setRome}
          error={errors.romeCodes}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <Combobox
              key={nsfSetElsewhere}
              label="Code NSF"
              endpoint="/api/reference/nsf"
              minLength={1}
              initialText={nsf?.label ?? ""}
              placeholder="233, bâtiment…"
              onTextChange={(text) => text === "" && setNsf(null)}
              onSelect={setNsf}
              error={errors.nsfCode}
            />
          </div>
          <Field label="Niveau" hint="Le niveau de sortie, tel que le centre le retient." error={errors.level}>
            {(props) => (
              <select {...props} value={level} onChange={(e) => setLevel(e.target.value)} className={inputClass}>
                <option value="">Non précisé</option>
                {LEVELS.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <details
          // Opened when a corrected wording is refused, so that its error is seen.
          ref={(element) => {
            if (element && Object.keys(errors).some((key) => key.startsWith("wording."))) element.open = true;
          }}
          className="rounded-md border border-slate-200 p-3"
        >
          <summary className="cursor-pointer font-medium">
            Corriger la rédaction avant de valider{reworded > 0 ? ` (${reworded} correction${reworded > 1 ? "s" : ""})` : ""}
          </summary>
          <p className="mt-2 text-sm text-slate-700">
            Fautes de frappe, sigle à écrire en toutes lettres : l’organisme verra exactement ce que vous avez changé. Les dates, les places et
            les financeurs restent les siens.
          </p>
          <div className="mt-3 space-y-4">
            {texts.map((t) => (
              <Field key={t.key} label={t.label} error={errors[`wording.${t.key}`]}>
                {(props) => (
                  <>
                    <textarea
                      {...props}
                      value={edits[t.key]}
                      onChange={(e) => setEdits((all) => ({ ...all, [t.key]: e.target.value }))}
                      className={`${inputClass} ${t.key === "title" ? "min-h-12" : "min-h-24"}`}
                    />
                    <Changes before={t.text} after={edits[t.key] ?? ""} />
                  </>
                )}
              </Field>
            ))}
            {moduleEdits.map((module, index) => (
              <fieldset key={module.id} className="space-y-2 rounded border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">Module {index + 1}</legend>
                <Field label={`Titre du module ${index + 1}`} error={errors[`wording.modules.${index}.title`]}>
                  {(props) => (
                    <input
                      {...props}
                      value={module.title}
                      onChange={(e) => setModuleEdits((all) => all.map((m, i) => (i === index ? { ...m, title: e.target.value } : m)))}
                      className={inputClass}
                    />
                  )}
                </Field>
                <Changes before={modules[index]!.title} after={module.title} />
              </fieldset>
            ))}
          </div>
        </details>

        <Button onClick={approve} disabled={pending}>
          Valider
        </Button>
      </section>

      <section aria-labelledby="refus" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="refus" className="text-lg font-semibold">
          Renvoyer à l’organisme
        </h2>
        {reasons.length > 0 && (
          <div>
            <p className="text-sm font-medium text-slate-800">Motifs fréquents</p>
            <ul className="mt-1 flex flex-wrap gap-2">
              {reasons.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
                    onClick={() => setReason((current) => (current.trim() ? `${current.trim()}\n${r.text}` : r.text))}
                  >
                    {r.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Field label="Motif du refus" hint="L’organisme lira ce message : dites ce qu’il doit corriger. Complétez le motif choisi si besoin." error={errors.reason}>
          {(props) => <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} className={`${inputClass} min-h-24`} />}
        </Field>
        <Button variant="danger" onClick={reject} disabled={pending}>
          Refuser
        </Button>
      </section>
    </div>
  );
}
