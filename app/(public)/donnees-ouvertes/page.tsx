import type { Metadata } from "next";
import { GeneratedAtRunTime } from "@/components/generated-at-run-time";
import { ACTION_FIELDS, LICENCE, SESSION_FIELDS, type Field } from "@/lib/open-data";

export const metadata: Metadata = { title: "Données ouvertes" };

function FieldTable({ caption, fields }: { caption: string; fields: Field<never>[] }) {
  return (
    <table className="mt-4 w-full border-collapse text-left text-sm">
      <caption className="text-left text-base font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">Champ</th>
          <th scope="col" className="py-2">Ce qu’il contient</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.name} className="border-b border-slate-200 align-top">
            <td className="py-2 pr-4 font-mono">{field.name}</td>
            <td className="py-2">{field.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the open-data files hold, field by field (described once, in lib/open-data.ts), and their licence. */
export default function OpenDataPage() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Données ouvertes</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Les formations en ligne sur ce site sont publiées librement, dans deux fichiers mis à jour en continu : exactement
        les formations et les sessions que le site affiche aujourd’hui, validées par le centre régional.
      </p>
      <ul className="mt-4 list-disc space-y-2 pl-6">
        <li>
          <a href="/api/export/actions.csv" className="text-brand-700 underline">
            Télécharger le tableau
          </a>{" "}
          (format CSV, pour un tableur) : une ligne par session, colonnes séparées par des points-virgules, encodage UTF-8.
          Une formation à entrées permanentes sans date de session occupe une ligne sans session.
        </li>
        <li>
          <a href="/api/export/actions.json" className="text-brand-700 underline">
            Télécharger les données structurées
          </a>{" "}
          (format JSON, pour les programmes informatiques) : un objet par formation, avec la liste de ses sessions dans
          « sessions ».
        </li>
      </ul>

      <h2 className="mt-8 text-xl font-semibold">Licence</h2>
      <p className="mt-2 max-w-3xl text-slate-700">
        Ces données sont publiées sous la{" "}
        <a href={LICENCE.url} className="text-brand-700 underline">
          {LICENCE.name}
        </a>
         : vous pouvez les réutiliser librement, y compris à des fins commerciales, à condition de mentionner leur source
        (« Offre de formation — centre régional d’information sur la formation ») et la date de leur dernière mise à jour.
        Elles ne contiennent aucune donnée personnelle : les coordonnées publiées sont celles des organismes.
      </p>

      <h2 className="mt-8 text-xl font-semibold">Les champs</h2>
      <p className="mt-2 max-w-3xl text-slate-700">
        Les dates sont écrites AAAA-MM-JJ ; dans le tableau, « oui » et « non » répondent aux questions, et les listes
        sont séparées par des virgules.
      </p>
      <FieldTable caption="La formation" fields={ACTION_FIELDS as Field<never>[]} />
      <div className="mt-8">
        <FieldTable caption="Chaque session" fields={SESSION_FIELDS as Field<never>[]} />
      </div>
      <GeneratedAtRunTime />
    </main>
  );
}
