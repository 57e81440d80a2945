// Demo actions: logistics and transport (north of Moselle) and office work (Lunéville).
// Sessions: [commune INSEE code, start in days from today, length in days, places available].

import type { SeedAction } from "@/db/seed/define";

export const logisticsOfficeActions: SeedAction[] = [
  {
    key: "logistique-cariste",
    organisation: "logistique",
    status: "approved",
    formacodes: ["31768", "31747"],
    content: {
      title: "Cariste : conduite de chariots élévateurs en sécurité",
      objectives:
        "Apprendre à conduire les chariots élévateurs en sécurité et obtenir le certificat d’aptitude à la conduite en sécurité (appelé « CACES ») pour les catégories 1, 3 et 5.",
      content:
        "Connaître les chariots et les règles de sécurité (7 heures).\nCharger, déplacer et ranger des palettes en hauteur (21 heures).\nVérifier son chariot avant de l’utiliser (7 heures).\nTests pratiques et théoriques en fin de formation.",
      sessions: [
        ["57221", -15, 5, 0],
        ["57672", 7, 5, 8],
        ["57757", 40, 5, 8],
      ],
    },
  },
  {
    key: "logistique-preparateur",
    organisation: "logistique",
    status: "approved",
    formacodes: ["31734", "31721"],
    content: {
      title: "Préparateur de commandes en entrepôt",
      objectives:
        "Apprendre à préparer les commandes des clients dans un entrepôt : prélever les bons produits, les emballer et les préparer pour l’expédition, et préparer le titre professionnel de préparateur de commandes en entrepôt.",
      content:
        "Lire un bon de commande et utiliser un lecteur de codes-barres.\nPrélever, contrôler et emballer les produits.\nConduire un transpalette électrique.\nGestes et postures pour protéger son dos.\nStage en entreprise de 4 semaines.",
      sessions: [
        ["57672", 18, 90, 12],
        ["57306", 55, 90, 12],
      ],
    },
  },
  {
    key: "logistique-magasinier",
    organisation: "logistique",
    status: "approved",
    formacodes: ["31734", "31663"],
    content: {
      title: "Agent magasinier : réception, stockage et expédition",
      objectives:
        "Apprendre à recevoir les marchandises, à les ranger et à suivre les stocks avec un logiciel, pour travailler dans un magasin, un entrepôt ou un atelier.",
      content:
        "Contrôler une livraison et signaler les erreurs.\nRanger les marchandises et tenir l’inventaire.\nSuivre les stocks avec un logiciel de gestion.\nPréparer les expéditions.\nStage en entreprise de 6 semaines.",
      sessions: [
        ["57463", 30, 150, 12],
        ["57672", 95, 150, 12],
      ],
    },
  },
  {
    key: "logistique-poids-lourds",
    organisation: "logistique",
    status: "submitted",
    formacodes: ["31816", "31833"],
    content: {
      title: "Conducteur de poids lourds : transport de marchandises",
      objectives:
        "Devenir conducteur routier : obtenir le permis pour les camions de plus de 3,5 tonnes et la formation obligatoire des conducteurs professionnels de marchandises.",
      content:
        "Code de la route et réglementation du transport.\nConduite sur piste et sur route.\nCharger un camion et arrimer la marchandise.\nÉconomiser le carburant et conduire en sécurité.\nStage en entreprise de transport de 2 semaines.",
      sessions: [
        ["57672", 45, 100, 8],
        ["54099", 85, 100, 8],
      ],
    },
  },
  {
    key: "logistique-stocks",
    organisation: "logistique",
    status: "approved",
    formacodes: ["31845", "31663"],
    content: {
      title: "Gestion des stocks et logistique : les bases",
      objectives:
        "Comprendre comment circulent les marchandises entre les fournisseurs, l’entrepôt et les clients, et apprendre à suivre un stock sans erreur.",
      content:
        "Le rôle de chacun dans une chaîne logistique.\nCalculer un stock, une commande, un délai.\nUtiliser un tableur pour suivre les entrées et les sorties.\nVisite d’une plateforme logistique.",
      sessions: [["54323", 60, 30, 12]],
    },
  },
  {
    key: "gestion-assistant-comptable",
    organisation: "gestion",
    status: "approved",
    formacodes: ["32663", "32667"],
    content: {
      title: "Assistant comptable : tenir la comptabilité d’une petite entreprise",
      objectives:
        "Apprendre à enregistrer les factures, à suivre la banque et à préparer la déclaration de la taxe sur la valeur ajoutée, et préparer le titre professionnel d’assistant comptable.",
      content:
        "Enregistrer les achats, les ventes et les règlements (140 heures).\nRapprocher les relevés de banque et les comptes (70 heures).\nPréparer les déclarations de taxe sur la valeur ajoutée (70 heures).\nUtiliser un logiciel de comptabilité (105 heures).\nStage en entreprise de 6 semaines.",
      sessions: [
        ["54329", 25, 210, 14],
        ["54395", 65, 210, 14],
      ],
    },
  },
  {
    key: "gestion-secretaire",
    organisation: "gestion",
    status: "approved",
    formacodes: ["35007", "35052"],
    content: {
      title: "Secrétaire assistant : accueil, courrier et suivi administratif",
      objectives:
        "Apprendre à accueillir les clients, à rédiger les courriers et à suivre les dossiers d’une entreprise ou d’une association, et préparer le titre professionnel de secrétaire assistant.",
      content:
        "Accueillir au téléphone et au bureau.\nRédiger et mettre en forme des courriers avec un traitement de texte.\nClasser et archiver les documents.\nOrganiser des réunions et tenir un agenda.\nStage en entreprise de 6 semaines.",
      sessions: [
        ["54329", -25, 180, 0],
        ["54528", 35, 180, 12],
      ],
    },
  },
  {
    key: "gestion-bureautique",
    organisation: "gestion",
    status: "approved",
    formacodes: ["35066", "30965"],
    content: {
      title: "Bureautique pour débuter : traitement de texte et tableur",
      objectives:
        "Savoir écrire un courrier, faire un tableau et calculer des totaux sur ordinateur, pour être à l’aise dans un emploi de bureau.",
      content:
        "Écrire et mettre en page un document avec un traitement de texte.\nCréer un tableau, faire des calculs simples et un graphique avec un tableur.\nEnregistrer, classer et envoyer ses fichiers.\nVous entrez quand vous le souhaitez et vous avancez à votre rythme, avec un formateur.",
      permanentEntry: true,
      sessions: [["54329", 10, 35, 6]],
    },
  },
  {
    key: "gestion-paie",
    organisation: "gestion",
    status: "submitted",
    formacodes: ["33054", "32663"],
    content: {
      title: "Gestionnaire de paie : bulletins de salaire et déclarations",
      objectives:
        "Apprendre à établir les bulletins de salaire et les déclarations aux organismes sociaux, et préparer le titre professionnel de gestionnaire de paie.",
      content:
        "Les règles du droit du travail utiles à la paie.\nCalculer un salaire, les heures supplémentaires et les absences.\nÉtablir les déclarations sociales mensuelles.\nUtiliser un logiciel de paie.\nStage en entreprise de 8 semaines.",
      sessions: [["54329", 75, 240, 12]],
    },
  },
];
