import { Fragment } from "react";
import type { ContentDiff as Diff, FieldChange, ItemChange, ListChange } from "@/lib/diff/content";
import type { WordChange } from "@/lib/diff/words";

type Level = 2 | 3 | 4;

function Heading({ level, className, children }: { level: Level; className: string; children: React.ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag className={className}>{children}</Tag>;
}

type Status = Exclude<ItemChange["kind"], "same">;

/** The status words of each list, in the gender of its noun. */
const STATUS_WORDS: Record<ListChange["list"], Record<Status, string> & { unchanged: (count: number) => string }> = {
  sessions: {
    added: "Nouvelle session",
    removed: "Session supprimée",
    changed: "Session modifiée",
    unchanged: (count) => (count === 1 ? "Une autre session est inchangée." : `${count} autres sessions sont inchangées.`),
  },
  modules: {
    added: "Nouveau module",
    removed: "Module supprimé",
    changed: "Module modifié",
    unchanged: (count) => (count === 1 ? "Un autre module est inchangé." : `${count} autres modules sont inchangés.`),
  },
  funders: {
    added: "Nouveau financeur",
    removed: "Financeur supprimé",
    changed: "Financeur modifié",
    unchanged: (count) => (count === 1 ? "Un autre financeur est inchangé." : `${count} autres financeurs sont inchangés.`),
  },
  contacts: {
    added: "Nouveau contact",
    removed: "Contact supprimé",
    changed: "Contact modifié",
    unchanged: (count) => (count === 1 ? "Un autre contact est inchangé." : `${count} autres contacts sont inchangés.`),
  },
};

const STATUS_TONES: Record<Status, string> = {
  added: "bg-green-100 text-green-900",
  removed: "bg-red-100 text-red-900",
  changed: "bg-amber-100 text-amber-900",
};

function Empty() {
  return <span className="text-slate-500">Non renseigné</span>;
}

/**
 * One side of a text: the words kept, and those removed (before) or added (after). Struck through
 * or underlined, not only coloured, and announced to screen readers.
 */
function Words({ words, side }: { words: WordChange[]; side: "before" | "after" }) {
  return words.map((part, index) => {
    if (part.kind === "same") return <Fragment key={index}>{part.text}</Fragment>;
    if (part.kind === "removed" && side === "before") {
      return (
        <del key={index} className="bg-red-50 text-red-900 line-through decoration-red-700 decoration-2">
          <span className="sr-only">{"supprimé\u00a0: "}</span>
          {part.text}
        </del>
      );
    }
    if (part.kind === "added" && side === "after") {
      return (
        <ins key={index} className="bg-green-50 text-green-900 underline decoration-green-700 decoration-2 underline-offset-2">
          <span className="sr-only">{"ajouté\u00a0: "}</span>
          {part.text}
        </ins>
      );
    }
    return null;
  });
}

function Value({ change, side }: { change: FieldChange; side: "before" | "after" }) {
  const value = side === "before" ? change.before : change.after;
  if (value === "") return <Empty />;
  return change.words ? <Words words={change.words} side={side} /> : value;
}

/** Each changed field with its value before and after. */
function ChangesTable({ fields, caption }: { fields: FieldChange[]; caption: string }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-slate-600">
          <tr className="border-b border-slate-300">
            <th scope="col" className="w-1/4 py-2 pr-3 font-medium">
              Champ
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Avant
            </th>
            <th scope="col" className="py-2 font-medium">
              Après
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((change) => (
            <tr key={change.path} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-2 pr-3 font-medium text-slate-700">
                {change.label}
              </th>
              <td className="py-2 pr-3 whitespace-pre-line wrap-break-word text-slate-900">
                <Value change={change} side="before" />
              </td>
              <td className="py-2 whitespace-pre-line wrap-break-word text-slate-900">
                <Value change={change} side="after" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The values of something new (after) or removed (before). */
function ValuesList({ fields, side }: { fields: FieldChange[]; side: "before" | "after" }) {
  if (fields.length === 0) return null;
  return (
    <dl className="mt-2 text-sm">
      {fields.map((change) => (
        <div key={change.path} className="grid gap-1 border-t border-slate-100 py-2 sm:grid-cols-[14rem_1fr]">
          <dt className="font-medium text-slate-600">{change.label}</dt>
          <dd className="whitespace-pre-line wrap-break-word text-slate-900">{side === "before" ? change.before : change.after}</dd>
        </div>
      ))}
    </dl>
  );
}

function ListSection({ list, level }: { list: ListChange; level: 2 | 3 }) {
  const words = STATUS_WORDS[list.list];
  const changed = list.items.filter((item): item is ItemChange & { kind: Status } => item.kind !== "same");
  const unchanged = list.items.length - changed.length;
  return (
    <section>
      <Heading level={level} className="text-lg font-semibold">
        {list.label}
      </Heading>
      <ul className="mt-2 space-y-3">
        {changed.map((item) => (
          <li key={item.id} className="rounded-md border border-slate-200 bg-white p-3">
            <Heading level={(level + 1) as Level} className="flex flex-wrap items-baseline gap-2 font-medium">
              <span className={`rounded px-2 py-0.5 text-sm ${STATUS_TONES[item.kind]}`}>{words[item.kind]}</span>
              <span className="sr-only">{"\u00a0: "}</span>
              <span>{item.label}</span>
            </Heading>
            {item.kind === "changed" ? (
              <ChangesTable fields={item.fields} caption={`${words.changed}\u00a0: ${item.label}`} />
            ) : (
              <ValuesList fields={item.fields} side={item.kind === "added" ? "after" : "before"} />
            )}
          </li>
        ))}
      </ul>
      {unchanged > 0 && <p className="mt-2 text-sm text-slate-600">{words.unchanged(unchanged)}</p>}
    </section>
  );
}

/**
 * What changed between two versions (lib/diff/content.ts), for staff under review and for the
 * provider's history. `subject` names what is new when there is no version before.
 */
export function ContentDiff({ diff, headingLevel = 2, subject = "action" }: { diff: Diff; headingLevel?: 2 | 3; subject?: "action" | "dossier" }) {
  if (!diff.hasChanges) return <p className="text-sm text-slate-700">Aucun changement</p>;
  const lists = diff.lists.filter((list) => list.items.some((item) => item.kind !== "same"));
  return (
    <div className="space-y-6">
      {diff.isNew && <p className="font-medium">{subject === "action" ? "Nouvelle action\u00a0: tout est nouveau" : "Nouveau dossier\u00a0: tout est nouveau"}</p>}
      {diff.fields.length > 0 && (
        <section>
          <Heading level={headingLevel} className="text-lg font-semibold">
            {diff.isNew ? "Informations" : "Informations modifiées"}
          </Heading>
          {diff.isNew ? <ValuesList fields={diff.fields} side="after" /> : <ChangesTable fields={diff.fields} caption="Informations modifiées" />}
        </section>
      )}
      {lists.map((list) => (
        <ListSection key={list.list} list={list} level={headingLevel} />
      ))}
    </div>
  );
}
