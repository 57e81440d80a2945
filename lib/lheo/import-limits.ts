// The limits and file-level messages of « Importer un fichier LHÉO », shared by the page (checked
// before sending) and the server (checked again). No parser here: the browser loads this file.

/** Formations saved per call of the import's second step: the page shows progress between calls. */
export const IMPORT_BATCH = 10;

/** Files above this size are refused before they are read. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const FILE_ERRORS = {
  tooLarge: `Ce fichier dépasse 5\u00a0Mo\u00a0: découpez-le en plusieurs fichiers plus petits (par exemple une centaine de formations chacun).`,
  empty: "Ce fichier est vide.",
  doctype:
    "Ce fichier contient une déclaration DOCTYPE (définition d’entités)\u00a0: pour votre sécurité, elle n’est pas acceptée. Exportez de nouveau votre offre sans DOCTYPE.",
  notXml: (line: number) => `Ce fichier n’est pas un fichier XML lisible (erreur à la ligne ${line})\u00a0: vérifiez que vous avez choisi l’export LHÉO de votre logiciel.`,
  notLheo:
    "Ce fichier n’est pas au format LHÉO 2.2 ou 2.3\u00a0: son élément principal doit être «\u00a0lheo\u00a0» avec l’espace de noms http://lheo.gouv.fr/2.3 (ou http://www.lheo.org/2.2).",
  noFormation: "Ce fichier LHÉO ne contient aucune formation.",
  tooDeep: "Ce fichier est trop profondément imbriqué pour être un fichier LHÉO.",
} as const;

