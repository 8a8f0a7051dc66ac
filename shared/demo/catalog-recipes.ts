/**
 * Semi-finished products (半成品) the central kitchen makes every morning and ships to the
 * stores. Recipes (配方) in base units per batch; outputs allow for cooking loss and water.
 */
import type { SemiRow } from './catalog-types';

export const semiFinished: readonly SemiRow[] = [
  {
    zh: '红烧肉酱汁', en: 'Red-braised pork sauce', baseUnit: 'ml', packs: '袋1000', outputQty: 5000, shelfLifeDays: 5, nearExpiryDays: 1, storeUsePacks: 1.5,
    lines: [['生抽', 300], ['老抽', 150], ['冰糖', 400], ['料酒', 300], ['八角', 20], ['桂皮', 15], ['生姜', 100], ['大葱', 150], ['花生油', 200]],
  },
  {
    zh: '卤牛肉', en: 'Spiced braised beef', baseUnit: 'g', packs: '袋1000', outputQty: 4000, shelfLifeDays: 3, nearExpiryDays: 1, storeUsePacks: 2,
    lines: [['牛腱子肉', 6000], ['生抽', 300], ['老抽', 100], ['冰糖', 150], ['八角', 30], ['桂皮', 20], ['香叶', 10], ['花椒', 20], ['生姜', 150], ['料酒', 300]],
  },
  {
    zh: '宫保鸡丁料包', en: 'Kung pao chicken kit', baseUnit: 'g', packs: '袋1000', outputQty: 4500, shelfLifeDays: 2, nearExpiryDays: 1, storeUsePacks: 2.5,
    lines: [['鸡腿肉', 3000], ['花生米', 600], ['干辣椒', 100], ['花椒', 30], ['大葱', 500], ['生抽', 200], ['镇江香醋', 150], ['白砂糖', 150], ['土豆淀粉', 100]],
  },
  {
    zh: '凉拌黄瓜', en: 'Smashed cucumber salad', baseUnit: 'g', packs: '盒1000', outputQty: 5000, shelfLifeDays: 0, shelfLifeHours: 24, nearExpiryDays: 0, storeUsePacks: 2,
    lines: [['黄瓜', 5000], ['大蒜', 200], ['镇江香醋', 300], ['生抽', 150], ['红油辣椒', 150], ['芝麻香油', 50], ['白砂糖', 50], ['食盐', 30]],
  },
  {
    zh: '蛋炒饭底料', en: 'Egg fried rice base', baseUnit: 'g', packs: '袋2000', outputQty: 7000, shelfLifeDays: 1, nearExpiryDays: 0, storeUsePacks: 2,
    lines: [['东北大米', 3000], ['鸡蛋', 40], ['小葱', 300], ['胡萝卜', 500], ['花生油', 300], ['食盐', 40]],
  },
  {
    zh: '卤鸡爪', en: 'Braised chicken feet', baseUnit: 'g', packs: '袋1000', outputQty: 4500, shelfLifeDays: 3, nearExpiryDays: 1, storeUsePacks: 1.5,
    lines: [['鸡爪', 5000], ['生抽', 250], ['老抽', 100], ['八角', 20], ['桂皮', 15], ['冰糖', 150], ['干辣椒', 50]],
  },
  {
    zh: '鱼香肉丝料包', en: 'Yu-xiang shredded pork kit', baseUnit: 'g', packs: '袋1000', outputQty: 4200, shelfLifeDays: 2, nearExpiryDays: 1, storeUsePacks: 2,
    lines: [['猪里脊肉', 2500], ['胡萝卜', 800], ['黑木耳', 150], ['尖椒', 500], ['郫县豆瓣酱', 200], ['白砂糖', 150], ['镇江香醋', 150], ['土豆淀粉', 80]],
  },
  {
    zh: '麻婆豆腐酱', en: 'Mapo tofu sauce', baseUnit: 'g', packs: '袋500', outputQty: 2500, shelfLifeDays: 5, nearExpiryDays: 1, storeUsePacks: 2,
    lines: [['猪肉末', 1000], ['郫县豆瓣酱', 600], ['花椒', 50], ['大蒜', 150], ['生姜', 100], ['菜籽油', 400], ['红油辣椒', 200]],
  },
  {
    zh: '鸡汤高汤', en: 'Chicken stock', baseUnit: 'ml', packs: '袋2000', outputQty: 20000, shelfLifeDays: 2, nearExpiryDays: 1, storeUsePacks: 3,
    lines: [['鸡骨架', 10000], ['生姜', 200], ['大葱', 300], ['料酒', 200]],
  },
  {
    zh: '葱油', en: 'Scallion oil', baseUnit: 'ml', packs: '瓶500', outputQty: 4500, shelfLifeDays: 14, nearExpiryDays: 3, storeUsePacks: 1,
    lines: [['花生油', 5000], ['大葱', 1000], ['小葱', 500], ['洋葱', 500]],
  },
  {
    zh: '糖醋汁', en: 'Sweet and sour sauce', baseUnit: 'ml', packs: '瓶500', outputQty: 3000, shelfLifeDays: 7, nearExpiryDays: 2, storeUsePacks: 1,
    lines: [['番茄酱', 1000], ['白砂糖', 800], ['镇江香醋', 600], ['食盐', 30], ['土豆淀粉', 100]],
  },
  {
    zh: '腌制鸡翅', en: 'Marinated chicken wings', baseUnit: 'g', packs: '袋1000', outputQty: 5200, shelfLifeDays: 2, nearExpiryDays: 1, storeUsePacks: 2,
    lines: [['鸡翅中', 5000], ['生抽', 200], ['蚝油', 200], ['料酒', 150], ['白砂糖', 100], ['生姜', 80]],
  },
  {
    zh: '猪肉白菜饺子馅', en: 'Pork and cabbage dumpling filling', baseUnit: 'g', packs: '袋1000', outputQty: 5300, shelfLifeDays: 1, nearExpiryDays: 0, storeUsePacks: 1.5,
    lines: [['猪肉末', 3000], ['大白菜', 2000], ['生姜', 80], ['小葱', 200], ['生抽', 150], ['芝麻香油', 80], ['食盐', 40]],
  },
  {
    zh: '酸菜鱼料包', en: 'Pickled-cabbage fish kit', baseUnit: 'g', packs: '袋1000', outputQty: 3000, shelfLifeDays: 1, nearExpiryDays: 0, storeUsePacks: 1.5,
    lines: [['草鱼', 4000], ['土豆淀粉', 100], ['料酒', 100], ['生姜', 100], ['干辣椒', 80], ['花椒', 40], ['食盐', 50]],
  },
  {
    zh: '番茄牛腩', en: 'Tomato beef brisket', baseUnit: 'g', packs: '袋1000', outputQty: 5500, shelfLifeDays: 3, nearExpiryDays: 1, storeUsePacks: 1.5,
    lines: [['牛腩', 4000], ['番茄', 3000], ['洋葱', 500], ['番茄酱', 300], ['生姜', 80], ['冰糖', 100]],
  },
];
