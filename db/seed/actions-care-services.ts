// Demo actions: care professions (Metz and Moselle) and return to work (Saint-Dié-des-Vosges).
// Sessions: [commune INSEE code, start in days from today, length in days, places available].

import type { SeedAction } from "@/db/seed/define";

export const careServicesActions: SeedAction[] = [
  {
    key: "soin-aide-soignant",
    organisation: "soin",
    status: "approved",
    formacodes: ["43436", "53821"],
    content: {
      title: "Aide-soignant : préparer le diplôme d’État",
      objectives:
        "Devenir aide-soignant et obtenir le diplôme d’État. Vous accompagnerez les patients et les personnes âgées dans les gestes de la vie quotidienne, en équipe avec les infirmiers.",
      content:
        "Accompagner une personne dans sa toilette, ses repas et ses déplacements.\nObserver l’état de santé d’une personne et alerter l’infirmier.\nAppliquer les règles d’hygiène à l’hôpital et à domicile.\nCommuniquer avec les patients et leur famille.\nLa formation dure 11 mois, dont 22 semaines de stage à l’hôpital, en maison de retraite et à domicile.",
      sessions: [
        ["57463", 40, 330, 25],
        ["57672", 70, 330, 20],
        ["57227", 100, 330, 20],
      ],
    },
  },
  {
    key: "soin-auxiliaire-vie",
    organisation: "soin",
    status: "approved",
    formacodes: ["44028"],
    content: {
      title: "Auxiliaire de vie auprès des personnes âgées ou handicapées",
      objectives:
        "Apprendre à aider à domicile les personnes âgées ou handicapées dans les gestes du quotidien : repas, toilette, courses, sorties, et préparer le titre professionnel d’assistant de vie aux familles.",
      content:
        "Entretenir le logement et le linge.\nPréparer des repas adaptés.\nAider une personne à se lever, à se laver et à s’habiller, en respectant son intimité.\nPrévenir les accidents à la maison.\nStage chez un employeur de l’aide à domicile de 5 semaines.",
      sessions: [
        ["57463", -20, 120, 0],
        ["57751", -3, 120, 2],
        ["57631", 25, 120, 12],
      ],
    },
  },
  {
    key: "soin-agent-hospitalier",
    organisation: "soin",
    status: "approved",
    formacodes: ["43429", "43403"],
    content: {
      title: "Agent de service hospitalier : hygiène et confort des patients",
      objectives:
        "Apprendre à entretenir les chambres et les locaux d’un hôpital ou d’une maison de retraite, et à participer au confort des patients.",
      content:
        "Nettoyer et désinfecter les chambres, les sanitaires et le matériel.\nLutter contre les infections à l’hôpital.\nServir les repas et aider les patients qui en ont besoin.\nTravailler en équipe avec les soignants.\nStage de 3 semaines en établissement de santé.",
      sessions: [
        ["57463", 10, 60, 14],
        ["57306", 50, 60, 12],
      ],
    },
  },
  {
    key: "soin-puericulture",
    organisation: "soin",
    status: "submitted",
    formacodes: ["44051", "44041"],
    content: {
      title: "Auxiliaire de puériculture : prendre soin des jeunes enfants",
      objectives:
        "Devenir auxiliaire de puériculture et obtenir le diplôme d’État, pour travailler en crèche, en maternité ou en service de pédiatrie.",
      content:
        "Soigner et accompagner un enfant de la naissance à 6 ans.\nObserver son développement et repérer ce qui inquiète.\nOrganiser des activités d’éveil.\nAccueillir et conseiller les parents.\nStages en crèche, en maternité et en pédiatrie.",
      sessions: [["57463", 80, 330, 20]],
    },
  },
  {
    key: "soin-ambulancier",
    organisation: "soin",
    status: "draft",
    formacodes: ["43419"],
    enteredDaysAgo: 9,
    content: {
      title: "Ambulancier : préparer le diplôme d’État",
      objectives:
        "Devenir ambulancier : transporter les malades et les blessés, assurer les premiers gestes d’urgence et conduire en sécurité.",
      content:
        "Gestes d’urgence et premiers secours.\nInstaller et surveiller un patient pendant le transport.\nHygiène et désinfection du véhicule.\nConduite en sécurité et réglementation.\nStages en entreprise de transport sanitaire et à l’hôpital.",
      sessions: [["57463", 120, 100, 20]],
    },
  },
  {
    key: "soin-accueil",
    organisation: "soin",
    status: "approved",
    formacodes: ["43421", "35052"],
    content: {
      title: "Agent d’accueil en établissement de santé",
      objectives:
        "Apprendre à accueillir, informer et orienter les patients et leurs proches à l’hôpital, en clinique ou dans un centre médical.",
      content:
        "Accueillir au guichet et au téléphone.\nEnregistrer l’arrivée d’un patient et préparer son dossier.\nRespecter le secret médical.\nFaire face à une personne inquiète ou en colère.\nLes entrées se font toute l’année : chacun avance à son rythme, avec un formateur.",
      permanentEntry: true,
      sessions: [["57463", 14, 70, 8]],
    },
  },
  {
    key: "tremplin-remise-a-niveau",
    organisation: "tremplin",
    status: "approved",
    formacodes: ["15040", "15030"],
    content: {
      title: "Remise à niveau en français et en calcul",
      objectives:
        "Reprendre confiance en vous, améliorer votre français écrit et oral et revoir le calcul utile au travail, avant une formation qualifiante ou une reprise d’emploi.",
      content:
        "Lire et comprendre des documents de la vie courante et du travail.\nÉcrire un courriel, remplir un formulaire.\nCalculer des quantités, des prix et des durées.\nUtiliser un ordinateur pour ses démarches.\nVous entrez quand vous le souhaitez, après un entretien ; le parcours est adapté à chacun.",
      permanentEntry: true,
      sessions: [],
    },
  },
  {
    key: "tremplin-proprete",
    organisation: "tremplin",
    status: "approved",
    formacodes: ["42093"],
    content: {
      title: "Agent de propreté et d’hygiène",
      objectives:
        "Apprendre le métier d’agent de propreté et d’hygiène : nettoyer des bureaux, des écoles, des commerces ou des hôpitaux, avec les bons produits et les bonnes machines.",
      content:
        "Choisir et doser les produits d’entretien sans danger pour soi et pour les autres.\nNettoyer les sols, les vitres et les sanitaires.\nUtiliser une autolaveuse et une monobrosse.\nOrganiser son travail et rendre compte à son responsable.\nStage en entreprise de 3 semaines.",
      sessions: [
        ["88413", 21, 70, 12],
        ["88367", 80, 70, 10],
      ],
    },
  },
  {
    key: "tremplin-projet",
    organisation: "tremplin",
    status: "approved",
    formacodes: ["15061", "15062"],
    content: {
      title: "Construire votre projet professionnel et retrouver un emploi",
      objectives:
        "Choisir un métier qui vous correspond, vérifier qu’il recrute près de chez vous et préparer vos candidatures.",
      content:
        "Faire le point sur votre parcours et vos savoir-faire.\nDécouvrir des métiers par des visites et des stages courts en entreprise.\nÉcrire votre curriculum vitae et votre lettre de motivation.\nVous préparer à l’entretien d’embauche.\nLes entrées se font toute l’année ; des groupes démarrent aussi à Gérardmer.",
      permanentEntry: true,
      sessions: [["88196", 30, 42, 10]],
    },
  },
];
