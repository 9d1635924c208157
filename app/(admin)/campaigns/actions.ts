"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActionActor } from "@/lib/auth/current-user";
import { formStateFromError } from "@/lib/form-state-from-error";
import { formValues, type FormState } from "@/lib/form-state";
import { parseAssignmentForm, parseCampaignForm } from "@/lib/campaigns/parse-campaign-forms";
import { createCampaign, setCampaignArchived, updateCampaign } from "@/lib/campaigns/save-campaign";
import { archiveProduct, saveProduct } from "@/lib/campaigns/save-product";
import { removeAssignment, saveAssignment } from "@/lib/campaigns/assign-mids";
import { parseIdParam } from "@/lib/parse-id-param";
import { readBoundBoolean, readBoundId, readBoundOptionalId } from "@/lib/read-bound-args";

const CHECK_FIELDS = "Check the highlighted fields.";

export async function createCampaignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let id: number;
  try {
    const actor = await requireActionActor("campaigns.write");
    const parsed = parseCampaignForm(formValues(formData));
    if (!parsed.ok) return { status: "error", message: CHECK_FIELDS, fieldErrors: parsed.fieldErrors };
    id = (await createCampaign(getDb(), actor, parsed.input)).id;
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/campaigns");
  redirect(`/campaigns/${id}?saved=created`);
}

export async function updateCampaignAction(boundCampaignId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  let campaignId: number;
  try {
    const actor = await requireActionActor("campaigns.write");
    campaignId = readBoundId(boundCampaignId, "campaignId");
    const parsed = parseCampaignForm(formValues(formData));
    if (!parsed.ok) return { status: "error", message: CHECK_FIELDS, fieldErrors: parsed.fieldErrors };
    await updateCampaign(getDb(), actor, campaignId, parsed.input);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath("/campaigns");
  redirect(`/campaigns/${campaignId}?saved=updated`);
}

export async function setCampaignArchivedAction(boundCampaignId: unknown, boundArchived: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  let campaignId: number;
  let archived: boolean;
  try {
    const actor = await requireActionActor("campaigns.write");
    campaignId = readBoundId(boundCampaignId, "campaignId");
    archived = readBoundBoolean(boundArchived, "archived");
    await setCampaignArchived(getDb(), actor, campaignId, archived);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(`/campaigns/${campaignId}`);
  revalidatePath("/campaigns");
  return { status: "success", message: archived ? "Campaign archived." : "Campaign restored." };
}

export async function saveProductAction(boundCampaignId: unknown, boundProductId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  let campaignId: number;
  let productId: number | null;
  try {
    const actor = await requireActionActor("campaigns.write");
    campaignId = readBoundId(boundCampaignId, "campaignId");
    productId = readBoundOptionalId(boundProductId, "productId");
    await saveProduct(getDb(), actor, campaignId, formValues(formData), productId ?? undefined);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(`/campaigns/${campaignId}`);
  if (productId) redirect(`/campaigns/${campaignId}?saved=product`);
  return { status: "success", message: "Product added." };
}

export async function archiveProductAction(boundCampaignId: unknown, boundProductId: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  let campaignId: number;
  try {
    const actor = await requireActionActor("campaigns.write");
    campaignId = readBoundId(boundCampaignId, "campaignId");
    await archiveProduct(getDb(), actor, campaignId, readBoundId(boundProductId, "productId"));
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(`/campaigns/${campaignId}`);
  return { status: "success", message: "Product archived." };
}

export async function saveAssignmentAction(boundCampaignId: unknown, boundMidId: unknown, _prev: FormState, formData: FormData): Promise<FormState> {
  let campaignId: number;
  let fixedMidId: number | null;
  try {
    const actor = await requireActionActor("campaigns.write");
    campaignId = readBoundId(boundCampaignId, "campaignId");
    fixedMidId = readBoundOptionalId(boundMidId, "midId");
    const values = formValues(formData);
    const midId = fixedMidId ?? parseIdParam(values.mid_id ?? "");
    if (!midId) return { status: "error", message: CHECK_FIELDS, fieldErrors: { mid_id: "Choose a MID." } };
    const parsed = parseAssignmentForm(values);
    if (!parsed.ok) return { status: "error", message: CHECK_FIELDS, fieldErrors: parsed.fieldErrors };
    await saveAssignment(getDb(), actor, campaignId, midId, parsed.input);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(`/campaigns/${campaignId}`);
  return { status: "success", message: fixedMidId ? "Assignment saved." : "MID assigned." };
}

export async function removeAssignmentAction(boundCampaignId: unknown, boundMidId: unknown, _prev: FormState, _formData: FormData): Promise<FormState> {
  let campaignId: number;
  try {
    const actor = await requireActionActor("campaigns.write");
    campaignId = readBoundId(boundCampaignId, "campaignId");
    await removeAssignment(getDb(), actor, campaignId, readBoundId(boundMidId, "midId"));
  } catch (error) {
    return formStateFromError(error);
  }
  revalidatePath(`/campaigns/${campaignId}`);
  return { status: "success", message: "MID removed from the campaign." };
}
