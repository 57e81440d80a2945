import { describe, expect, it } from "vitest";
import { courseJsonLd, jsonForScript } from "@/lib/seo/course-json-ld";

const course = {
  url: "https://offre.example.org/formations/macon-12345678",
  title: "Maçon du bâti ancien",
  description: "Apprendre à restaurer les murs en pierre.",
  provider: { name: "Bâtiment Formation Lorraine", url: "https://offre.example.org/organismes/btp" },
  teachingMode: "1",
  hoursTotal: 600,
  free: true,
  price: null,
  certification: "Titre professionnel maçon du bâti ancien",
  sessions: [{ startDate: "2027-03-01", endDate: "2027-06-30", street: "3 rue des Jardiniers", postcode: "54000", town: "Nancy" }],
};

describe("course JSON-LD", () => {
  it("describes the course and one instance per session", () => {
    const ld = courseJsonLd(course);
    expect(ld["@type"]).toBe("Course");
    expect(ld.offers).toEqual({ "@type": "Offer", category: "Free", price: 0, priceCurrency: "EUR" });
    expect(ld.hasCourseInstance).toEqual([
      expect.objectContaining({ "@type": "CourseInstance", courseMode: "blended", startDate: "2027-03-01", courseWorkload: "PT600H" }),
    ]);
  });

  it("gives no offer when neither free nor priced", () => {
    expect(courseJsonLd({ ...course, free: false, price: null })).not.toHaveProperty("offers");
    expect(courseJsonLd({ ...course, free: false, price: 1200 }).offers).toMatchObject({ price: 1200, category: "Paid" });
  });

  it("cannot close the script element it is written in", () => {
    const text = jsonForScript(courseJsonLd({ ...course, title: "</script><script>alert(1)</script>" }));
    expect(text).not.toContain("<");
    expect(JSON.parse(text).name).toBe("</script><script>alert(1)</script>");
  });
});
