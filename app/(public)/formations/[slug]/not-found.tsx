import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

export default function ActionNotFound() {
  return (
    <StatusPage title="Cette formation n’est pas en ligne">
      <p>
        Cette formation n’existe pas ou n’est plus proposée : ses sessions sont peut-être passées, ou l’organisme l’a retirée du catalogue.
      </p>
      <p>
        <Link href="/formations" className="font-medium text-brand-700 underline">
          Chercher une autre formation
        </Link>
      </p>
    </StatusPage>
  );
}
