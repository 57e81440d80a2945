import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Offre de formation en Lorraine", template: "%s · Offre de formation en Lorraine" },
  description:
    "Les formations financées en Lorraine, vérifiées par le centre régional d’information sur la formation : dates, lieux et places disponibles.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
