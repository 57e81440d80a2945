// The territory this instance serves (Lorraine, in the Grand Est region: Meurthe-et-Moselle,
// Meuse, Moselle, Vosges). Reference searches rank its communes first; the public funding
// sentence names its regional council.
export const REGION_DEPARTMENTS = (process.env.REGION_DEPARTMENTS ?? "54,55,57,88").split(",").map((d) => d.trim());
export const REGION_NAME = "Grand Est";
