import { describe, expect, it } from "vitest";
import { departmentField } from "@/lib/search/choices";

describe("departmentField", () => {
  it("offers the departments counted and the one chosen, with their counts", () => {
    expect(departmentField({ "57": 3, "54": 1 }, "88", null)).toEqual({
      choices: [
        { value: "54", label: "Meurthe-et-Moselle (54)", count: 1 },
        { value: "57", label: "Moselle (57)", count: 3 },
        { value: "88", label: "Vosges (88)", count: 0 },
      ],
      hint: null,
    });
  });

  it("shows no counts with a town, which replaces the department, and says to clear the town", () => {
    const { choices, hint } = departmentField({ "54": 1 }, null, { name: "Metz" });
    expect(choices).toEqual([{ value: "54", label: "Meurthe-et-Moselle (54)", count: null }]);
    expect(hint).toBe("La recherche se fait autour de Metz\u00a0: effacez la ville pour chercher dans un département.");
  });
});
