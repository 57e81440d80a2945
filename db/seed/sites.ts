// Where the demo sessions take place: the organisations' own premises and the partner sites
// where they hold groups. Streets are plausible but invented; each postcode is one La Poste gives
// to the commune (codes-postaux, the `postcodes` table), which the seed checks like the server.

export interface SeedAddress {
  /** Number and street, 50 characters at most (LHÉO). */
  street: string;
  street2?: string;
  postcode: string;
  communeInsee: string;
}

export const seedSites = {
  // Bâtiment Formation Lorraine
  "batiment-nancy": { street: "12 rue de la Ravinelle", postcode: "54000", communeInsee: "54395" },
  "batiment-toul": { street: "40 avenue Victor Hugo", street2: "Plateau technique du bâtiment", postcode: "54200", communeInsee: "54528" },
  "batiment-vandoeuvre": { street: "7 rue de Norvège", street2: "Atelier de génie climatique", postcode: "54500", communeInsee: "54547" },
  "batiment-pont-a-mousson": { street: "2 rue Saint-Martin", postcode: "54700", communeInsee: "54431" },
  "batiment-longwy": { street: "14 avenue de Saintignon", postcode: "54400", communeInsee: "54323" },
  "batiment-villers": { street: "9 rue de la Forêt", postcode: "54600", communeInsee: "54578" },
  // Centre des métiers de l’industrie des Vosges
  "industrie-epinal": { street: "8 rue de la Louvière", postcode: "88000", communeInsee: "88160" },
  "industrie-remiremont": { street: "3 rue des Forges", street2: "Zone industrielle du Rhin", postcode: "88200", communeInsee: "88383" },
  "industrie-saint-die": { street: "25 rue de la Prairie", postcode: "88100", communeInsee: "88413" },
  "industrie-neufchateau": { street: "11 avenue de la Grande Fontaine", postcode: "88300", communeInsee: "88321" },
  // Institut lorrain des métiers du soin
  "soin-metz": { street: "4 rue Mazelle", postcode: "57000", communeInsee: "57463" },
  "soin-thionville": { street: "12 rue de Paris", street2: "Bâtiment B, 2e étage", postcode: "57100", communeInsee: "57672" },
  "soin-forbach": { street: "30 rue Nationale", postcode: "57600", communeInsee: "57227" },
  "soin-woippy": { street: "1 rue de Briey", postcode: "57140", communeInsee: "57751" },
  "soin-sarreguemines": { street: "15 rue de France", postcode: "57200", communeInsee: "57631" },
  "soin-hayange": { street: "8 rue de Verdun", postcode: "57700", communeInsee: "57306" },
  // Tremplin Déodatien
  "tremplin-saint-die": { street: "10 rue d’Alsace", postcode: "88100", communeInsee: "88413" },
  "tremplin-rambervillers": { street: "5 rue Carnot", street2: "Maison France services", postcode: "88700", communeInsee: "88367" },
  "tremplin-gerardmer": { street: "2 boulevard de Saint-Dié", postcode: "88400", communeInsee: "88196" },
  // Nord Moselle Logistique Formation
  "logistique-thionville": { street: "27 route de Manom", postcode: "57100", communeInsee: "57672" },
  "logistique-florange": { street: "3 rue de la Paix", street2: "Zone d’activités du Bois", postcode: "57190", communeInsee: "57221" },
  "logistique-yutz": { street: "20 rue des Artisans", street2: "Parc d’activités Meilbourg", postcode: "57970", communeInsee: "57757" },
  "logistique-metz": { street: "2 rue Graham Bell", street2: "Technopôle, entrée C", postcode: "57070", communeInsee: "57463" },
  "logistique-hayange": { street: "40 rue de Wendel", postcode: "57700", communeInsee: "57306" },
  "logistique-briey": { street: "1 rue de l’Europe", street2: "Piste poids lourds", postcode: "54150", communeInsee: "54099" },
  "logistique-longwy": { street: "5 rue de la Chiers", postcode: "54400", communeInsee: "54323" },
  // Lunéville Gestion Formation
  "gestion-luneville": { street: "21 rue de la République", postcode: "54300", communeInsee: "54329" },
  "gestion-nancy": { street: "32 boulevard Joffre", street2: "3e étage", postcode: "54000", communeInsee: "54395" },
  "gestion-toul": { street: "3 place des Trois Évêchés", postcode: "54200", communeInsee: "54528" },
  // Atelier numérique du Barrois
  "numerique-bar-le-duc": { street: "15 boulevard de la Rochelle", postcode: "55000", communeInsee: "55029" },
  "numerique-verdun": { street: "9 rue Mazel", street2: "Espace numérique", postcode: "55100", communeInsee: "55545" },
  "numerique-commercy": { street: "4 rue Raymond Poincaré", postcode: "55200", communeInsee: "55122" },
  "numerique-ligny": { street: "12 rue Leroux", street2: "Médiathèque", postcode: "55500", communeInsee: "55291" },
  "numerique-saint-mihiel": { street: "6 rue du Palais de Justice", street2: "Maison France services", postcode: "55300", communeInsee: "55463" },
  "numerique-stenay": { street: "2 place Raymond Poincaré", postcode: "55700", communeInsee: "55502" },
  // École hôtelière de Verdun
  "hotellerie-verdun": { street: "3 quai de la République", postcode: "55100", communeInsee: "55545" },
  "hotellerie-bar-le-duc": { street: "22 rue Lapique", street2: "Restaurant d’application", postcode: "55000", communeInsee: "55029" },
  "hotellerie-saint-mihiel": { street: "10 rue Notre-Dame", postcode: "55300", communeInsee: "55463" },
  "hotellerie-commercy": { street: "1 rue de la Paix", street2: "Cuisine centrale", postcode: "55200", communeInsee: "55122" },
  // Maison des langues de Moselle-Est
  "langues-sarreguemines": { street: "6 rue Utzschneider", postcode: "57200", communeInsee: "57631" },
  "langues-forbach": { street: "18 avenue Saint-Rémy", postcode: "57600", communeInsee: "57227" },
  "langues-saint-avold": { street: "5 rue des Américains", postcode: "57500", communeInsee: "57606" },
  "langues-bitche": { street: "3 rue de Sarreguemines", postcode: "57230", communeInsee: "57089" },
  "langues-thionville": { street: "9 place du Marché", postcode: "57100", communeInsee: "57672" },
} satisfies Record<string, SeedAddress>;

export type SiteKey = keyof typeof seedSites;

export function siteAddress(key: SiteKey): SeedAddress {
  return seedSites[key];
}
