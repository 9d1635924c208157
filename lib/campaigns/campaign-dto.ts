import type { campaignProducts, campaigns } from "@/db/schema";
import type { MidWithVolume } from "@/lib/mids/list-mids";

export type CampaignDto = typeof campaigns.$inferSelect;
export type ProductDto = typeof campaignProducts.$inferSelect;

export type AssignmentDto = {
  midId: number;
  priority: number;
  weight: number;
  enabled: boolean;
  mid: MidWithVolume;
};

export type CampaignDetail = CampaignDto & { products: ProductDto[]; assignments: AssignmentDto[] };

export type CampaignListRow = CampaignDto & { productCount: number; midCount: number; enabledMidCount: number };
