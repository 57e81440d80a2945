// The territory this instance serves (Lorraine: Meurthe-et-Moselle, Meuse, Moselle, Vosges).
// Reference searches rank its communes first.
export const REGION_DEPARTMENTS = (process.env.REGION_DEPARTMENTS ?? "54,55,57,88").split(",").map((d) => d.trim());
