import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

export default function ActionNotFound() {
  return (
    <StatusPage title="Page introuvable">
      <p>
        Cette formation n’est pas en ligne : elle n’existe pas, ou elle n’est plus proposée (ses sessions sont passées, ou l’organisme l’a retirée du catalogue).
      </p>
      <p>
        <Link href="/formations" className="font-medium text-brand-700 underline">
          Chercher une autre formation
        </Link>
      </p>
    </StatusPage>
  );
}
