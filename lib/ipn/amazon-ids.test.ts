import { describe, expect, it } from "vitest";
import { captureNowAuthorizationId, parentOrderReferenceId } from "./amazon-ids";

describe("Amazon payment object ids", () => {
  it("reads the order reference out of authorization, capture and refund ids", () => {
    expect(parentOrderReferenceId("S01-9821095-1837200-A041953")).toBe("S01-9821095-1837200");
    expect(parentOrderReferenceId("P01-1234567-1234567-C0000001")).toBe("P01-1234567-1234567");
    expect(parentOrderReferenceId("S02-1024662-1173740-R095796")).toBe("S02-1024662-1173740");
  });

  it("returns null for anything that is not a child id", () => {
    for (const id of ["S01-9821095-1837200", "C01-5533845-8537141", "mc-12-a1", "", null, undefined, "S01-9821095-1837200-A", "xS01-9821095-1837200-A041953"]) {
      expect(parentOrderReferenceId(id)).toBeNull();
    }
  });

  it("derives the authorization of a CaptureNow capture", () => {
    expect(captureNowAuthorizationId("S01-9821095-1837200-C041953")).toBe("S01-9821095-1837200-A041953");
    expect(captureNowAuthorizationId("S01-9821095-1837200-R041953")).toBeNull();
  });
});
