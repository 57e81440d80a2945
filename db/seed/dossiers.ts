// The organisation dossiers of the demo (« potentiel de formation », R8): what each organisation
// declares beyond its columns in db/seed/organisations.ts (SIRET, address, telephone and e-mail
// are taken from there, so that approving the dossier leaves them as they are).
//
// Activity numbers start with 41 (Lorraine, in the Grand Est region), then the department. Names
// are invented; telephone numbers stay in the range kept for fiction (03 53 48 xx xx).

import type { OrganisationKey, SeedDossier } from "@/db/seed/define";

export const seedDossiers: Record<OrganisationKey, SeedDossier> = {
  batiment: {
    legalName: "Association pour la formation aux métiers du bâtiment en Lorraine",
    usualName: "Bâtiment Formation Lorraine",
    activityNumber: "41540218754",
    website: "https://www.batiment-formation-lorraine.example",
    contacts: [
      ["Sophie Lambert", "4", "03 53 48 10 12", "sophie.lambert@batiment-formation-lorraine.example"],
      ["Thomas Remy", "3", "03 53 48 10 14", "thomas.remy@batiment-formation-lorraine.example"],
      ["Anne Grandjean", "1", "03 53 48 10 16", "anne.grandjean@batiment-formation-lorraine.example"],
    ],
    trainingFields: ["22334", "22354", "22677", "22671", "22472", "24066", "22437", "22448", "22412", "22647"],
    premises:
      "À Nancy, un plateau technique de 1 800 mètres carrés (aires de maçonnerie, cabines de peinture, ateliers de plomberie et d’électricité) et six salles de cours. Plateaux partenaires à Toul, Vandœuvre-lès-Nancy et Pont-à-Mousson.",
    equipment:
      "Échafaudages et nacelles pour le travail en hauteur, bétonnière et vibreurs, postes de soudure pour la plomberie, maquettes de logements pour l’électricité, ordinateurs avec logiciel de lecture de plans.",
    trainers:
      "Quatorze formateurs, tous anciens artisans ou chefs de chantier, titulaires du titre professionnel de formateur d’adultes ou en cours de l’obtenir.",
    qualiopiDaysAgo: 700,
    otherCertifications: "Centre agréé par le ministère du Travail pour les titres professionnels du bâtiment.",
    accessibility:
      "Plateau technique et salles de plain-pied, toilettes adaptées, places de stationnement réservées. Anne Grandjean, référente handicap, étudie avec chaque personne l’adaptation des postes et des épreuves.",
  },
  soin: {
    legalName: "Institut lorrain des métiers du soin",
    usualName: "",
    activityNumber: "41570342616",
    website: "https://www.metiers-du-soin-lorraine.example",
    contacts: [
      ["Nadia Benali", "5", "03 53 48 20 34", "nadia.benali@metiers-du-soin-lorraine.example"],
      ["Amélie Kieffer", "3", "03 53 48 20 36", "amelie.kieffer@metiers-du-soin-lorraine.example"],
      ["Jérôme Hoffmann", "1", "03 53 48 20 38", "jerome.hoffmann@metiers-du-soin-lorraine.example"],
    ],
    trainingFields: ["43436", "53821", "44028", "43429", "43403", "44051", "44041", "43419", "43421", "35052"],
    premises:
      "À Metz, huit salles de cours et trois salles de soins reproduisant une chambre d’hôpital, une salle de bain adaptée et un appartement. Antennes à Thionville, Forbach, Woippy, Sarreguemines et Hayange.",
    equipment:
      "Lits médicalisés, lève-personnes, mannequins de soins et de secours, fauteuils roulants, matériel de puériculture, ambulance école pour les gestes d’urgence.",
    trainers:
      "Vingt formateurs : infirmiers, auxiliaires de puériculture et aides-soignants, tous en exercice ou sortis du soin depuis moins de cinq ans, et un médecin pour les enseignements médicaux.",
    qualiopiDaysAgo: 900,
    otherCertifications: "Instituts de formation d’aides-soignants et d’auxiliaires de puériculture autorisés par la Région Grand Est.",
    accessibility:
      "Locaux accessibles en fauteuil roulant, avec ascenseur. Jérôme Hoffmann, référent handicap, organise les aménagements des cours, des stages et des épreuves avec les établissements d’accueil.",
  },
  logistique: {
    legalName: "Nord Moselle Logistique Formation",
    usualName: "",
    activityNumber: "41570481927",
    website: "https://www.nord-moselle-logistique.example",
    contacts: [
      ["Julien Weber", "5", "03 53 48 30 56", "julien.weber@nord-moselle-logistique.example"],
      ["Laura Muller", "4", "03 53 48 30 58", "laura.muller@nord-moselle-logistique.example"],
    ],
    trainingFields: ["31768", "31747", "31734", "31721", "31663", "31816", "31833", "31845"],
    premises:
      "À Thionville, un entrepôt école de 2 500 mètres carrés avec rayonnages, quais de chargement et quatre salles de cours. Piste de conduite poids lourds à Val de Briey, salles à Metz, Florange, Yutz, Hayange et Longwy.",
    equipment:
      "Douze chariots élévateurs des catégories 1, 3 et 5, transpalettes électriques, lecteurs de codes-barres, logiciel de gestion d’entrepôt, trois camions porteurs et un simulateur de conduite.",
    trainers: "Neuf formateurs, anciens chefs d’équipe en entrepôt et conducteurs routiers, dont quatre testeurs habilités pour les certificats de conduite des chariots.",
    qualiopiDaysAgo: 500,
    otherCertifications: "Organisme testeur certifié pour les certificats d’aptitude à la conduite en sécurité des chariots.",
    accessibility:
      "Salles de cours accessibles en fauteuil roulant. Pour la conduite d’engins, Julien Weber étudie avec le médecin du travail les adaptations possibles avant l’entrée.",
  },
  industrie: {
    legalName: "Centre des métiers de l’industrie des Vosges",
    usualName: "",
    activityNumber: "41880157302",
    website: "https://www.industrie-vosges-formation.example",
    contacts: [
      ["Marc Thiébaut", "5", "03 53 48 40 78", "marc.thiebaut@industrie-vosges-formation.example"],
      ["Céline Perrin", "7", "03 53 48 40 80", "celine.perrin@industrie-vosges-formation.example"],
    ],
    trainingFields: ["23026", "23004", "23076", "24406", "31624", "24052", "23083", "24054"],
    premises:
      "À Épinal, 3 000 mètres carrés d’ateliers (soudure, usinage, chaudronnerie, maintenance) et sept salles de cours. Ateliers partenaires à Remiremont, Saint-Dié-des-Vosges et Neufchâteau.",
    equipment:
      "Vingt cabines de soudure, tours et fraiseuses à commande numérique, presse plieuse, rouleuse, ligne de production école pour la maintenance, armoires électriques de formation.",
    trainers: "Onze formateurs issus de l’industrie vosgienne, dont deux soudeurs certifiés et un ancien responsable de maintenance.",
    qualiopiDaysAgo: 1000,
    otherCertifications: "",
    accessibility:
      "Ateliers et salles accessibles en fauteuil roulant. Les postes de travail sont adaptés avec l’aide de l’Agefiph ; Céline Perrin est votre interlocutrice.",
  },
  hotellerie: {
    legalName: "Association de l’École hôtelière de Verdun",
    usualName: "École hôtelière de Verdun",
    activityNumber: "41550093418",
    website: "https://www.ecole-hoteliere-verdun.example",
    contacts: [
      ["Élodie Collignon", "4", "03 53 48 50 21", "elodie.collignon@ecole-hoteliere-verdun.example"],
      ["Bruno Lecomte", "3", "03 53 48 50 23", "bruno.lecomte@ecole-hoteliere-verdun.example"],
    ],
    trainingFields: ["42752", "42757", "42788", "42776", "21528", "42710", "42708", "42729"],
    premises:
      "À Verdun, deux cuisines pédagogiques, un laboratoire de pâtisserie, un restaurant d’application de 60 couverts ouvert au public, une réception d’hôtel école et un internat de 30 chambres.",
    equipment: "Fours mixtes, cellules de refroidissement, matériel de restauration collective, logiciel de réservation hôtelière, caisse enregistreuse.",
    trainers: "Huit formateurs : chefs de cuisine, maîtres d’hôtel et une réceptionniste, tous passés par des établissements de la région.",
    qualiopiDaysAgo: 800,
    otherCertifications: "",
    accessibility:
      "Salles et restaurant d’application accessibles en fauteuil roulant ; l’accès aux cuisines est étudié au cas par cas avec notre référente handicap, Élodie Collignon.",
  },
  numerique: {
    legalName: "Atelier numérique du Barrois",
    usualName: "",
    activityNumber: "41550204816",
    website: "https://www.atelier-numerique-barrois.example",
    contacts: [
      ["Kévin Marchal", "5", "03 53 48 60 43", "kevin.marchal@atelier-numerique-barrois.example"],
      ["Manon Didier", "3", "03 53 48 60 45", "manon.didier@atelier-numerique-barrois.example"],
    ],
    trainingFields: ["31088", "46270", "31018", "24231", "46271", "31006", "31070", "34592"],
    premises:
      "À Bar-le-Duc, quatre salles informatiques et un atelier de réparation. Permanences dans les médiathèques et maisons France services de Ligny-en-Barrois, Saint-Mihiel, Commercy, Stenay et Verdun.",
    equipment: "Soixante ordinateurs portables prêtés pendant la formation, serveurs et matériel réseau de formation, plateforme de cours à distance.",
    trainers: "Six formateurs : deux développeurs, deux techniciens informatiques et deux médiateurs numériques.",
    qualiopiDaysAgo: 400,
    otherCertifications: "Centre d’examen agréé pour la certification en bureautique et les certificats de compétences numériques.",
    accessibility:
      "Locaux accessibles en fauteuil roulant. Lecteurs d’écran, loupes et claviers adaptés disponibles ; Manon Didier, référente handicap, prépare les adaptations avant l’entrée.",
  },
  gestion: {
    legalName: "Lunéville Gestion Formation",
    usualName: "",
    activityNumber: "41540377125",
    website: "https://www.luneville-gestion-formation.example",
    contacts: [
      ["Isabelle Hanriot", "5", "03 53 48 70 65", "isabelle.hanriot@luneville-gestion-formation.example"],
      ["François Mangin", "9", "03 53 48 70 67", "francois.mangin@luneville-gestion-formation.example"],
    ],
    trainingFields: ["32663", "32667", "35007", "35052", "35066", "30965", "33054"],
    premises: "À Lunéville, cinq salles de cours dont deux salles informatiques ; salles louées à Nancy et à Toul pour les groupes du bassin nancéien.",
    equipment: "Quarante ordinateurs avec logiciels de comptabilité, de paie et de bureautique, entreprise d’entraînement pédagogique.",
    trainers: "Sept formateurs : experts-comptables, gestionnaires de paie et assistantes de direction, tous en activité à temps partiel.",
    qualiopiDaysAgo: 600,
    otherCertifications: "",
    accessibility:
      "Locaux au rez-de-chaussée, accessibles en fauteuil roulant. Grands écrans et logiciels de lecture d’écran sur demande ; Isabelle Hanriot est la référente handicap.",
  },
  langues: {
    legalName: "Maison des langues de Moselle-Est",
    usualName: "",
    activityNumber: "41570615209",
    website: "https://www.maison-des-langues-moselle-est.example",
    contacts: [["Hélène Schmitt", "5", "03 53 48 80 87", "helene.schmitt@maison-des-langues-moselle-est.example"]],
    trainingFields: ["15287", "15288", "15234", "15235", "15270"],
    premises:
      "À Sarreguemines, six salles de cours au premier étage (ascenseur). Salles prêtées par les communes de Forbach, Saint-Avold, Bitche et Thionville.",
    equipment: "Laboratoire de langues, tableaux numériques, plateforme de cours à distance.",
    trainers: "Neuf formateurs de langue maternelle allemande, anglaise, luxembourgeoise ou française, diplômés de l’enseignement des langues.",
    qualiopiDaysAgo: 1100,
    otherCertifications: "",
    accessibility: "Salles accessibles par ascenseur, boucle magnétique pour les personnes malentendantes, supports en gros caractères sur demande.",
  },
  tremplin: {
    legalName: "Association Tremplin Déodatien",
    usualName: "Tremplin Déodatien",
    activityNumber: "41880286731",
    website: "https://www.tremplin-deodatien.example",
    contacts: [
      ["Patrick Gérard", "5", "03 53 48 90 10", "patrick.gerard@tremplin-deodatien.example"],
      ["Sandrine Vautrin", "3", "03 53 48 90 12", "sandrine.vautrin@tremplin-deodatien.example"],
    ],
    trainingFields: ["15040", "15030", "15041", "42093", "15061", "15062"],
    premises:
      "À Saint-Dié-des-Vosges, trois salles de cours, un espace numérique et un plateau de propreté. Permanences à Rambervillers et à Gérardmer.",
    equipment: "Autolaveuse, monobrosse et chariots de ménage ; douze ordinateurs ; documentation sur les métiers et l’emploi local.",
    trainers: "Cinq formateurs et conseillers en insertion professionnelle, dont un ancien chef d’équipe en entreprise de propreté.",
    qualiopiDaysAgo: 750,
    otherCertifications: "",
    accessibility:
      "Locaux de plain-pied. Petits groupes, rythme adapté et accompagnement individuel ; Patrick Gérard reçoit chaque personne avant l’entrée.",
    // Sent a few days ago, before the 12 months run out: staff find it in their queue.
    renewal: {
      sentDaysAgo: 4,
      changes: {
        contacts: [
          ["Patrick Gérard", "5", "03 53 48 90 10", "patrick.gerard@tremplin-deodatien.example"],
          ["Sandrine Vautrin", "3", "03 53 48 90 12", "sandrine.vautrin@tremplin-deodatien.example"],
          ["Karima Haddad", "1", "03 53 48 90 14", "karima.haddad@tremplin-deodatien.example"],
        ],
        trainingFields: ["15040", "15030", "15041", "15084", "42093", "15061", "15062"],
        trainers:
          "Six formateurs et conseillers en insertion professionnelle, dont un ancien chef d’équipe en entreprise de propreté et une formatrice en savoirs de base arrivée cette année.",
        accessibility:
          "Locaux de plain-pied. Petits groupes, rythme adapté et accompagnement individuel ; Karima Haddad, référente handicap, reçoit chaque personne qui le souhaite avant l’entrée.",
      },
    },
  },
};
