// Live data the purchasing screens share, read from the local store.
import { useMemo } from 'react';
import { budgetRulesFromConfig, contractPricesFromConfig, type BudgetRules, type ContractPrice } from '../../../shared/finance';
import type { ConfigDoc, DocumentDoc, PartnerDoc, ProductDoc, PurchaseOrderDoc } from '../../../shared/schemas';
import { useRxQuery } from '../../db/hooks';
import { leadTimesFromConfig } from './model';

export function useApprovalRules() {
  const configs = useRxQuery<ConfigDoc>((db) => db.config.find({ selector: { key: 'approval-rules' } }), []);
  return useMemo(() => {
    const list = configs ?? [];
    return {
      loading: configs === null,
      configs: list,
      contracts: contractPricesFromConfig(list) as ContractPrice[],
      leadTimes: leadTimesFromConfig(list),
      budgetRules: (siteId: string): BudgetRules => budgetRulesFromConfig(list, siteId),
    };
  }, [configs]);
}

export function useProducts(): ProductDoc[] | null {
  return useRxQuery<ProductDoc>((db) => db.products.find({ selector: { active: true } }), []);
}

export function useSuppliers(): PartnerDoc[] | null {
  const partners = useRxQuery<PartnerDoc>((db) => db.partners.find(), []);
  return useMemo(() => partners?.filter((p) => p.kind !== 'customer').sort((a, b) => (a.code < b.code ? -1 : 1)) ?? null, [partners]);
}

/** Purchase orders, goods receipts and approvals this terminal can see (HQ: every site's). */
export function usePurchasingDocuments() {
  const documents = useRxQuery<DocumentDoc>(
    (db) => db.documents.find({ selector: { type: { $in: ['purchase-order', 'goods-receipt', 'approval'] } } }),
    [],
  );
  return useMemo(() => {
    const list = documents ?? [];
    const byNewest = (a: DocumentDoc, b: DocumentDoc) => (a.at < b.at ? 1 : -1);
    return {
      loading: documents === null,
      all: list,
      orders: list.filter((d): d is PurchaseOrderDoc => d.type === 'purchase-order').sort(byNewest),
      receipts: list.filter((d) => d.type === 'goods-receipt').sort(byNewest),
      approvals: list.filter((d) => d.type === 'approval'),
    };
  }, [documents]);
}
