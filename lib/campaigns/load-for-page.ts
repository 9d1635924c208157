import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { parseIdParam } from "@/lib/parse-id-param";
import { getCampaign } from "./list-campaigns";
import type { CampaignDetail } from "./campaign-dto";

/** A campaign for a page: a bad or unknown id is the 404 page. */
export async function loadCampaignForPage(actor: Actor, rawId: string): Promise<CampaignDetail> {
  const id = parseIdParam(rawId);
  if (id === null) notFound();
  try {
    return await getCampaign(getDb(), actor, id);
  } catch (error) {
    if (error instanceof DomainError) notFound();
    throw error;
  }
}
