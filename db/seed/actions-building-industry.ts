// Demo actions: building trades (Nancy and around) and industry (Vosges).
// Sessions: [commune INSEE code, start in days from today, length in days, places available].

import type { SeedAction } from "@/db/seed/define";

export const buildingIndustryActions: SeedAction[] = [
  {
    key: "batiment-macon",
    organisation: "batiment",
    status: "approved",
    formacodes: ["22334", "22354"],
    content: {
      title: "Maçon en bâtiment : du gros œuvre à la rénovation",
      objectives:
        "Devenir maçon et obtenir le titre professionnel de maçon, reconnu par le ministère du Travail. Vous saurez monter des murs, couler des dalles et réparer des bâtiments anciens.",
      content:
        "Lire un plan et préparer son chantier (35 heures).\nMonter des murs en parpaings, en briques et en pierre (210 heures).\nRéaliser les coffrages, le ferraillage et couler le béton (175 heures).\nRénover un mur ancien : enduits à la chaux et reprises (70 heures).\nSécurité sur le chantier et travail en hauteur (35 heures).\nStage en entreprise de 6 semaines.",
      sessions: [
        ["54395", 20, 200, 12],
        ["54528", 75, 200, 10],
      ],
    },
  },
  {
    key: "batiment-plombier",
    organisation: "batiment",
    status: "approved",
    formacodes: ["22677", "22671"],
    content: {
      title: "Installateur en plomberie et en chauffage",
      objectives:
        "Apprendre à installer et à réparer les réseaux d’eau, les sanitaires et les chauffages des logements. La formation prépare au titre professionnel d’installateur en thermique et sanitaire.",
      content:
        "Couper, cintrer et assembler les tubes de cuivre, d’acier et de matière plastique.\nPoser un évier, une douche, un chauffe-eau.\nInstaller une chaudière et des radiateurs, puis les mettre en service.\nRepérer une fuite et la réparer chez un client.\nStage en entreprise de 8 semaines.",
      sessions: [
        ["54395", -40, 180, 0],
        ["54547", 45, 180, 12],
      ],
    },
  },
  {
    key: "batiment-peintre",
    organisation: "batiment",
    status: "approved",
    formacodes: ["22472"],
    enteredDaysAgo: 120,
    content: {
      title: "Peintre en bâtiment : préparer, peindre et décorer",
      objectives:
        "Devenir peintre en bâtiment : préparer les murs et les plafonds, appliquer les peintures et poser les revêtements muraux dans les logements et les bureaux.",
      content:
        "Protéger le chantier et préparer les supports : lessiver, poncer, reboucher.\nAppliquer les peintures au rouleau, à la brosse et au pistolet.\nPoser du papier peint et de la toile de verre.\nStage en entreprise de 4 semaines.",
      sessions: [["54395", 30, 120, 10]],
    },
    // The provider moved the Nancy start and opened a second group: staff see an update to review.
    update: {
      title: "Peintre en bâtiment : préparer, peindre et décorer",
      objectives:
        "Devenir peintre en bâtiment : préparer les murs et les plafonds, appliquer les peintures et poser les revêtements muraux dans les logements et les bureaux.",
      content:
        "Protéger le chantier et préparer les supports : lessiver, poncer, reboucher.\nAppliquer les peintures au rouleau, à la brosse et au pistolet.\nPoser du papier peint et de la toile de verre.\nPeindre une façade en sécurité sur un échafaudage.\nStage en entreprise de 4 semaines.",
      sessions: [
        ["54395", 37, 120, 8],
        ["54431", 90, 120, 12],
      ],
    },
  },
  {
    key: "batiment-electricien",
    organisation: "batiment",
    status: "submitted",
    formacodes: ["24066"],
    content: {
      title: "Électricien d’équipement du bâtiment",
      objectives:
        "Apprendre à installer l’électricité d’un logement neuf ou à rénover, dans le respect des normes de sécurité, et préparer le titre professionnel d’électricien d’équipement du bâtiment.",
      content:
        "Lire un schéma électrique.\nPoser les gaines, les câbles, les prises et les tableaux électriques.\nMettre en service une installation et vérifier qu’elle est sans danger.\nHabilitation électrique pour travailler en sécurité.\nStage en entreprise de 6 semaines.",
      sessions: [
        ["54395", 60, 210, 12],
        ["54323", 95, 210, 10],
      ],
    },
  },
  {
    key: "batiment-couvreur",
    organisation: "batiment",
    status: "draft",
    formacodes: ["22437", "22448"],
    enteredDaysAgo: 12,
    content: {
      title: "Couvreur : travaux sur tuiles et ardoises",
      objectives:
        "Apprendre à poser, à réparer et à entretenir les toitures en tuiles et en ardoises, en travaillant en sécurité sur les toits.",
      content:
        "Monter un échafaudage et s’attacher pour travailler en hauteur.\nPoser les liteaux, les tuiles et les ardoises.\nRéaliser les gouttières et les raccords autour des cheminées.\nStage en entreprise de 6 semaines.",
      sessions: [["54395", 110, 150, 10]],
    },
  },
  {
    key: "batiment-second-oeuvre",
    organisation: "batiment",
    status: "rejected",
    formacodes: ["22412"],
    enteredDaysAgo: 30,
    content: {
      title: "Formation TCE second œuvre",
      objectives: "Former des ouvriers polyvalents TCE pour les chantiers de rénovation.",
      content: "Modules TCE : plâtrerie, peinture, carrelage, selon le référentiel interne. Stage en entreprise.",
      sessions: [["54578", 50, 120, 10]],
    },
    rejectionReason:
      "Le sigle « TCE » (tous corps d’état) n’est pas expliqué et le contenu ne dit pas assez ce que l’on apprend. Écrivez l’intitulé en toutes lettres, par exemple « Agent polyvalent de rénovation : plâtrerie, peinture et carrelage », donnez la durée de chaque partie, puis envoyez de nouveau l’action pour validation.",
  },
  {
    key: "batiment-plaquiste",
    organisation: "batiment",
    status: "approved",
    formacodes: ["22412", "22647"],
    content: {
      title: "Plaquiste : pose de plaques de plâtre et isolation",
      objectives:
        "Apprendre à monter des cloisons, des plafonds et des doublages en plaques de plâtre, et à isoler un logement contre le froid et le bruit.",
      content:
        "Tracer et monter les ossatures métalliques.\nPoser les plaques, les isolants et les bandes de finition.\nRespecter les règles d’isolation thermique et phonique.\nL’entrée en formation se fait toute l’année, après un entretien avec un formateur.",
      permanentEntry: true,
      sessions: [],
    },
  },
  {
    key: "industrie-soudeur",
    organisation: "industrie",
    status: "approved",
    formacodes: ["23026", "23004"],
    content: {
      title: "Soudeur : soudage à l’arc et semi-automatique",
      objectives:
        "Apprendre à souder des pièces d’acier dans toutes les positions et préparer le titre professionnel de soudeur assembleur industriel.",
      content:
        "Lire un plan de fabrication et préparer les pièces (35 heures).\nSouder à l’arc avec électrode enrobée (140 heures).\nSouder en semi-automatique (140 heures).\nContrôler la qualité d’une soudure et travailler en sécurité (35 heures).\nStage en entreprise de 5 semaines.",
      sessions: [
        ["88160", 15, 150, 8],
        ["88383", 90, 150, 8],
      ],
    },
  },
  {
    key: "industrie-usinage",
    organisation: "industrie",
    status: "approved",
    formacodes: ["23076", "24406"],
    content: {
      title: "Opérateur sur machines à commande numérique",
      objectives:
        "Apprendre à régler et à conduire un tour et une fraiseuse pilotés par ordinateur pour fabriquer des pièces mécaniques précises.",
      content:
        "Lire un dessin technique et choisir ses outils.\nRégler la machine, lancer un programme et surveiller la fabrication.\nMesurer les pièces et corriger les écarts.\nEntretenir la machine au quotidien.\nStage en entreprise de 4 semaines.",
      sessions: [
        ["88160", -30, 140, 0],
        ["88413", 60, 140, 10],
      ],
    },
  },
  {
    key: "industrie-maintenance",
    organisation: "industrie",
    status: "approved",
    formacodes: ["31624", "24052"],
    content: {
      title: "Technicien de maintenance industrielle",
      objectives:
        "Apprendre à entretenir et à dépanner les machines d’une usine : mécanique, électricité, systèmes hydrauliques et pneumatiques.",
      content:
        "Comprendre le fonctionnement d’une ligne de production.\nRechercher l’origine d’une panne et réparer.\nPréparer et réaliser l’entretien préventif.\nHabilitation électrique et sécurité au travail.\nStage en entreprise de 8 semaines.",
      sessions: [
        ["88160", 35, 240, 12],
        ["88321", 120, 240, 10],
      ],
    },
  },
  {
    key: "industrie-chaudronnier",
    organisation: "industrie",
    status: "approved",
    formacodes: ["23083"],
    enteredDaysAgo: 150,
    // Its only session started more than 8 days ago: withdrawn (R9), the action is no longer shown.
    content: {
      title: "Chaudronnier : tracer, découper et assembler les métaux",
      objectives:
        "Apprendre à fabriquer des pièces et des ensembles en tôle d’acier, d’inox ou d’aluminium, du plan jusqu’au montage.",
      content:
        "Tracer les pièces à partir d’un plan.\nDécouper, plier et rouler la tôle.\nAssembler par soudage et par vissage.\nStage en entreprise de 6 semaines.",
      sessions: [["88160", -60, 180, 0]],
    },
  },
  {
    key: "industrie-electrotechnicien",
    organisation: "industrie",
    status: "submitted",
    formacodes: ["24054"],
    content: {
      title: "Électrotechnicien en milieu industriel",
      objectives:
        "Apprendre à installer, à câbler et à dépanner les armoires électriques et les moteurs des machines industrielles.",
      content:
        "Lire et comprendre un schéma électrique industriel.\nCâbler une armoire de commande et la mettre en service.\nDépanner un moteur et ses protections.\nHabilitation électrique.\nStage en entreprise de 6 semaines.",
      sessions: [["88160", 70, 200, 10]],
    },
  },
];
