// Demo actions: digital skills (Meuse), hotels and restaurants (Verdun), languages (Moselle-Est).
// Sessions: [commune INSEE code, start in days from today, length in days, places available].

import type { SeedAction } from "@/db/seed/define";

export const digitalHospitalityLanguageActions: SeedAction[] = [
  {
    key: "numerique-developpeur",
    organisation: "numerique",
    status: "approved",
    formacodes: ["31088", "46270"],
    content: {
      title: "Développeur web : créer des sites et des applications",
      objectives:
        "Apprendre à créer des sites internet et des applications utilisables sur ordinateur et sur téléphone, et préparer le titre professionnel de développeur web et web mobile.",
      content:
        "Construire les pages d’un site : structure, mise en forme, accessibilité (140 heures).\nProgrammer les fonctions d’une application (210 heures).\nEnregistrer les données dans une base de données (105 heures).\nTravailler en équipe sur un projet réel (70 heures).\nStage en entreprise de 8 semaines.",
      sessions: [
        ["55029", 45, 240, 14],
        ["55545", 110, 240, 12],
      ],
    },
  },
  {
    key: "numerique-assistance",
    organisation: "numerique",
    status: "approved",
    formacodes: ["31018", "24231"],
    content: {
      title: "Technicien d’assistance en informatique",
      objectives:
        "Apprendre à installer, à réparer et à dépanner les ordinateurs, les imprimantes et les petits réseaux, et à aider les utilisateurs par téléphone ou sur place.",
      content:
        "Monter un ordinateur et installer les logiciels.\nRelier des ordinateurs en réseau et partager une connexion à internet.\nRechercher l’origine d’une panne et la réparer.\nExpliquer une solution simplement à un utilisateur.\nStage en entreprise de 6 semaines.",
      sessions: [
        ["55029", 20, 200, 12],
        ["55122", 75, 200, 10],
      ],
    },
  },
  {
    key: "numerique-premiers-pas",
    organisation: "numerique",
    status: "approved",
    formacodes: ["31018", "46271"],
    content: {
      title: "Premiers pas avec l’ordinateur et internet",
      objectives:
        "Savoir utiliser un ordinateur pour chercher un emploi, envoyer un courriel et faire vos démarches en ligne en toute sécurité.",
      content:
        "Allumer l’ordinateur, utiliser la souris et le clavier.\nChercher une information sur internet.\nCréer une adresse électronique et envoyer une pièce jointe.\nFaire ses démarches en ligne et protéger ses mots de passe.\nVous entrez quand vous le souhaitez ; des groupes se réunissent aussi à Ligny-en-Barrois et à Saint-Mihiel.",
      permanentEntry: true,
      sessions: [
        ["55291", 12, 20, 8],
        ["55463", 40, 20, 8],
      ],
    },
  },
  {
    key: "numerique-securite",
    organisation: "numerique",
    status: "submitted",
    formacodes: ["31006"],
    content: {
      title: "Sécurité informatique : protéger les données d’une petite entreprise",
      objectives:
        "Apprendre à protéger les ordinateurs et les données d’une petite entreprise contre les virus, les arnaques et les pertes de fichiers.",
      content:
        "Reconnaître un courriel frauduleux.\nChoisir de bons mots de passe et les gérer.\nFaire des sauvegardes et les vérifier.\nRéagir quand un ordinateur est attaqué.",
      sessions: [["55029", 50, 15, 10]],
    },
  },
  {
    key: "numerique-vendeur",
    organisation: "numerique",
    status: "approved",
    formacodes: ["31070", "34592"],
    content: {
      title: "Vendeur conseil en informatique et en téléphonie",
      objectives:
        "Apprendre à conseiller les clients d’un magasin et à vendre des ordinateurs, des téléphones et des abonnements adaptés à leurs besoins.",
      content:
        "Accueillir un client et comprendre ce qu’il cherche.\nPrésenter les produits et comparer les offres.\nConclure une vente et encaisser.\nMettre en service un téléphone ou un ordinateur pour le client.\nStage en magasin de 6 semaines.",
      sessions: [
        ["55029", 30, 150, 12],
        ["55502", 90, 150, 10],
      ],
    },
  },
  {
    key: "hotellerie-cuisinier",
    organisation: "hotellerie",
    status: "approved",
    formacodes: ["42752"],
    content: {
      title: "Cuisinier en restaurant traditionnel",
      objectives:
        "Devenir cuisinier : préparer les entrées, les plats et les desserts d’un restaurant, et préparer le titre professionnel de cuisinier.",
      content:
        "Organiser son poste et respecter les règles d’hygiène.\nPréparer les légumes, les viandes et les poissons.\nRéaliser les sauces, les cuissons et les desserts de base.\nEnvoyer les plats pendant le service.\nStage en restaurant de 8 semaines.",
      sessions: [
        ["55545", 28, 180, 12],
        ["55029", 85, 180, 12],
      ],
    },
  },
  {
    key: "hotellerie-serveur",
    organisation: "hotellerie",
    status: "approved",
    formacodes: ["42757"],
    content: {
      title: "Serveur en restauration : accueil et service en salle",
      objectives:
        "Apprendre à accueillir les clients, à prendre les commandes et à servir en salle, et préparer le titre professionnel de serveur en restauration.",
      content:
        "Mettre en place la salle et dresser les tables.\nAccueillir les clients et présenter la carte.\nServir les plats et les boissons.\nConseiller un vin et encaisser.\nQuelques mots d’anglais pour accueillir les touristes.\nStage en restaurant de 6 semaines.",
      sessions: [
        ["55545", -12, 120, 0],
        ["55463", 20, 120, 10],
        ["55545", 50, 120, 12],
      ],
    },
  },
  {
    key: "hotellerie-receptionniste",
    organisation: "hotellerie",
    status: "approved",
    formacodes: ["42788", "42776"],
    content: {
      title: "Réceptionniste en hôtel",
      objectives:
        "Apprendre à accueillir les clients d’un hôtel, à gérer les réservations et à répondre en français, en anglais et en allemand.",
      content:
        "Accueillir les clients à leur arrivée et à leur départ.\nGérer les réservations avec un logiciel hôtelier.\nEncaisser et établir les factures.\nRenseigner les clients sur la région.\nAnglais et allemand de l’accueil.\nStage en hôtel de 6 semaines.",
      sessions: [["55545", 60, 150, 12]],
    },
  },
  {
    key: "hotellerie-patissier",
    organisation: "hotellerie",
    status: "submitted",
    formacodes: ["21528", "42710"],
    content: {
      title: "Pâtissier : desserts de restaurant et pâtisserie de base",
      objectives:
        "Apprendre à réaliser les pâtes, les crèmes et les desserts servis au restaurant et en pâtisserie.",
      content:
        "Les pâtes de base : brisée, sablée, feuilletée, à choux.\nLes crèmes et les mousses.\nDresser une assiette de dessert.\nHygiène et organisation du poste de travail.\nStage en entreprise de 4 semaines.",
      sessions: [["55545", 65, 90, 10]],
    },
  },
  {
    key: "hotellerie-collectivite",
    organisation: "hotellerie",
    status: "approved",
    formacodes: ["42708", "42729"],
    content: {
      title: "Cuisinier en restauration collective",
      objectives:
        "Apprendre à préparer des repas en grande quantité pour les cantines scolaires, les hôpitaux et les restaurants d’entreprise.",
      content:
        "Préparer des repas équilibrés en grande quantité.\nRespecter les règles d’hygiène et de traçabilité des aliments.\nAdapter les menus aux régimes et aux allergies.\nStage en cuisine collective de 4 semaines.",
      sessions: [
        ["55545", 15, 90, 12],
        ["55122", 40, 90, 10],
      ],
    },
  },
  // Maison des langues de Moselle-Est: dossier expired (R8), so none of these is diffused.
  {
    key: "langues-allemand",
    organisation: "langues",
    status: "approved",
    formacodes: ["15287", "15288"],
    enteredDaysAgo: 200,
    content: {
      title: "Allemand professionnel pour travailler en Sarre",
      objectives:
        "Parler allemand au travail pour trouver un emploi de l’autre côté de la frontière : se présenter, comprendre les consignes et échanger avec ses collègues.",
      content:
        "Se présenter et parler de son parcours.\nComprendre des consignes de travail et de sécurité.\nTéléphoner et écrire un message simple.\nPréparer un entretien d’embauche en allemand.",
      sessions: [
        ["57631", 20, 90, 12],
        ["57227", 45, 90, 12],
      ],
    },
  },
  {
    key: "langues-anglais",
    organisation: "langues",
    status: "approved",
    formacodes: ["15234"],
    enteredDaysAgo: 200,
    content: {
      title: "Anglais pour débutants : se présenter et échanger au travail",
      objectives:
        "Comprendre et utiliser les expressions courantes de l’anglais pour accueillir un client, répondre au téléphone et se présenter.",
      content:
        "Se présenter et présenter son entreprise.\nAccueillir et renseigner un client.\nComprendre un message simple au téléphone.\nÉcrire un courriel court.",
      sessions: [
        ["57631", 30, 60, 12],
        ["57089", 60, 60, 10],
      ],
    },
  },
  {
    key: "langues-francais",
    organisation: "langues",
    status: "approved",
    formacodes: ["15235"],
    enteredDaysAgo: 200,
    content: {
      title: "Français langue étrangère : communiquer au quotidien et au travail",
      objectives:
        "Pour les personnes dont le français n’est pas la langue maternelle : mieux parler, lire et écrire le français pour la vie de tous les jours et pour le travail.",
      content:
        "Comprendre et se faire comprendre dans les situations courantes.\nLire un document administratif simple.\nRemplir un formulaire et écrire un message.\nLe vocabulaire du métier que vous visez.\nVous entrez quand vous le souhaitez, après un test de positionnement.",
      permanentEntry: true,
      sessions: [["57606", 10, 90, 10]],
    },
  },
  {
    key: "langues-luxembourgeois",
    organisation: "langues",
    status: "approved",
    formacodes: ["15270"],
    enteredDaysAgo: 200,
    content: {
      title: "Luxembourgeois pour les travailleurs frontaliers",
      objectives:
        "Apprendre les bases du luxembourgeois pour accueillir les clients et échanger avec vos collègues quand vous travaillez au Luxembourg.",
      content:
        "Saluer, se présenter, remercier.\nComprendre les questions les plus courantes des clients.\nLes nombres, les heures et les prix.\nDécouvrir la vie au travail au Luxembourg.",
      sessions: [["57672", 35, 60, 14]],
    },
  },
];
