import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

export default function NotFound() {
  return (
    <StatusPage title="Page introuvable">
      <p>Cette page n’existe pas ou n’est plus en ligne. Une formation peut avoir été retirée du catalogue.</p>
      <p>
        <Link href="/formations" className="font-medium text-brand-700 underline">
          Voir toutes les formations
        </Link>
      </p>
    </StatusPage>
  );
}
