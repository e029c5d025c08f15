/**
 * Concept groups: words customers use interchangeably for one thing. Every member found in a
 * text adds the group's concept as a feature, so "包裹到哪了" and "物流到哪了" share a feature
 * although they share few characters. Chinese members match as substrings of the normalised
 * text (simplified script); English members match as whole words after spelling correction.
 * Keep members specific: a member that is part of unrelated words (货 in 退货 and 发货) would
 * make unrelated questions look alike.
 */
export interface ConceptGroup {
  readonly concept: string;
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

export const CONCEPT_GROUPS: readonly ConceptGroup[] = [
  { concept: 'parcel', zh: ['快递', '包裹', '物流', '快件', '邮包', '快递单号', '运单'], en: ['parcel', 'package', 'shipment', 'courier', 'tracking number'] },
  { concept: 'shipfee', zh: ['运费', '邮费', '快递费', '配送费', '运输费', '寄费'], en: ['shipping fee', 'shipping cost', 'postage', 'delivery fee', 'delivery charge', 'shipping charge'] },
  { concept: 'money-back', zh: ['到账', '退回来', '钱回来', '回到账', '返还', '退到', '钱退', '退钱', '退款', '返款', '打回'], en: ['refund', 'money back', 'reimburse', 'reimbursement', 'repay', 'my money'] },
  { concept: 'dispatch', zh: ['发货', '寄出', '发出', '出库', '发走', '发件', '几时发', '还没发'], en: ['dispatch', 'ship out', 'send out', 'sent out', 'shipped', 'ship my order'] },
  { concept: 'return', zh: ['退货', '退回去', '寄回', '退掉', '不想要了', '退了'], en: ['return', 'send back', 'send it back'] },
  { concept: 'exchange', zh: ['换货', '调换', '换一个', '换个', '换一件', '换码', '换尺码', '换大', '换小', '换颜色'], en: ['exchange', 'swap', 'different size', 'another size', 'different colour', 'different color'] },
  { concept: 'invoice', zh: ['发票', '开票', '票据', '专票', '普票'], en: ['invoice', 'vat', 'fapiao', 'tax receipt'] },
  { concept: 'coupon', zh: ['优惠券', '优惠卷', '券', '红包', '优惠码', '折扣码'], en: ['coupon', 'voucher', 'promo code', 'discount code', 'promo'] },
  { concept: 'bargain', zh: ['便宜', '优惠点', '少点', '砍价', '讲价', '议价', '打个折', '打折', '降点', '抹零'], en: ['cheaper', 'bargain', 'lower price', 'better price', 'discount', 'negotiate'] },
  { concept: 'size', zh: ['尺码', '码数', '尺寸', '大小', '码子', '穿多大', '几码'], en: ['size', 'sizing', 'fit', 'measurement'] },
  { concept: 'genuine', zh: ['正品', '真货', '正版', '假货', '假的', '山寨', '高仿', '真的吗', '仿品', '盗版'], en: ['genuine', 'authentic', 'fake', 'counterfeit', 'original', 'real', 'knockoff', 'knock off', 'replica', 'legit', 'imitation'] },
  { concept: 'warranty', zh: ['保修', '质保', '保固', '三包', '保修期'], en: ['warranty', 'guarantee'] },
  { concept: 'repair', zh: ['维修', '修理', '返修', '修一下'], en: ['repair', 'fix'] },
  { concept: 'login', zh: ['登录', '登陆', '登入', '登不上', '登不进', '密码'], en: ['login', 'log in', 'sign in', 'password', 'locked out'] },
  { concept: 'account', zh: ['账号', '帐号', '账户', '帐户'], en: ['account'] },
  { concept: 'phone', zh: ['手机号', '电话号码', '手机号码', '绑定手机', '换手机'], en: ['phone number', 'mobile number', 'phone'] },
  { concept: 'points', zh: ['积分'], en: ['points', 'reward points', 'loyalty points'] },
  { concept: 'member', zh: ['会员', 'vip', '等级', '黄金', '钻石', '白银'], en: ['member', 'membership', 'tier', 'vip', 'gold', 'diamond', 'silver'] },
  { concept: 'cancel', zh: ['取消', '撤销', '不要了', '作废'], en: ['cancel', 'cancellation', 'call off'] },
  { concept: 'address', zh: ['地址', '住址', '收货人', '送到别的地方'], en: ['address', 'postcode', 'zip code', 'zip'] },
  { concept: 'damaged', zh: ['破损', '坏了', '碎了', '摔坏', '压坏', '损坏', '破了', '裂了', '压扁'], en: ['damaged', 'broken', 'cracked', 'smashed', 'crushed', 'dented'] },
  { concept: 'missing', zh: ['少了', '漏发', '少发', '缺件', '少件', '少一件', '少一个', '没有在里面', '不齐'], en: ['missing', 'not included', 'incomplete', 'left out'] },
  { concept: 'wrong', zh: ['发错', '错发', '不是我买的', '发的不对', '不是我要的', '货不对'], en: ['wrong item', 'wrong product', 'wrong colour', 'wrong color', 'not what i ordered', 'wrong size sent'] },
  { concept: 'quality', zh: ['质量', '做工', '瑕疵', '有问题', '毛病', '故障', '开线', '掉色', '起球', '不能用', '用不了'], en: ['quality', 'faulty', 'defective', 'defect', 'stopped working', 'doesn t work', 'does not work'] },
  { concept: 'pay', zh: ['付款', '支付', '付钱', '买单', '结账', '付不了'], en: ['pay', 'payment', 'checkout'] },
  { concept: 'paymethod', zh: ['支付方式', '付款方式', '支付宝', '微信支付', '信用卡', '银联', '云闪付'], en: ['payment method', 'payment methods', 'payment option', 'payment options', 'ways to pay', 'alipay', 'wechat pay', 'visa', 'mastercard', 'credit card', 'debit card', 'unionpay', 'apple pay', 'paypal'] },
  { concept: 'combine', zh: ['叠加', '一起用', '同时用', '一块用', '合并', '一起发', '一起寄'], en: ['stack', 'stackable', 'combine', 'together', 'at the same time', 'more than one'] },
  { concept: 'instalment', zh: ['分期', '分几期', '月供', '免息'], en: ['instalment', 'installment', 'instalments', 'installments', 'monthly payments', 'pay later', 'interest free'] },
  { concept: 'cod', zh: ['货到付款', '到付', '货到付', '收货再付', '收到再付'], en: ['cash on delivery', 'cod', 'pay on delivery', 'pay when it arrives'] },
  { concept: 'overseas', zh: ['海外', '国外', '境外', '香港', '澳门', '台湾', '出国', '美国', '日本'], en: ['overseas', 'abroad', 'international', 'hong kong', 'macao', 'macau', 'taiwan', 'outside china'] },
  { concept: 'refuse', zh: ['拒收', '拒签', '不签收', '不收了'], en: ['refuse', 'reject', 'decline delivery', 'turn away'] },
  { concept: 'restock', zh: ['补货', '到货通知', '回货', '再上架', '缺货', '没货', '断货', '售罄', '卖完', '有货'], en: ['restock', 'back in stock', 'out of stock', 'sold out', 'in stock'] },
  { concept: 'giftwrap', zh: ['礼品包装', '礼盒', '包装成礼物', '贺卡', '送人', '送礼'], en: ['gift wrap', 'gift wrapping', 'gift box', 'greeting card', 'as a gift'] },
  { concept: 'urgent', zh: ['加急', '急用', '急着用', '快点发', '尽快发', '今天发', '今天能发', '当天发', '马上发'], en: ['urgent', 'rush', 'asap', 'express', 'today', 'faster', 'quickly', 'next day'] },
  { concept: 'presale', zh: ['预售', '定金', '订金', '尾款'], en: ['pre sale', 'presale', 'pre order', 'preorder', 'deposit'] },
  { concept: 'freeship', zh: ['包邮', '免运费', '免邮', '免费配送'], en: ['free shipping', 'free delivery', 'free postage'] },
  { concept: 'priceprot', zh: ['价保', '保价', '降价', '差价', '买贵了', '便宜了'], en: ['price protection', 'price drop', 'price dropped', 'price match', 'price adjustment', 'cheaper now'] },
  { concept: 'track', zh: ['查物流', '物流信息', '到哪了', '在哪里了', '跟踪', '追踪', '查快递', '查询物流'], en: ['track', 'tracking', 'trace', 'where is my'] },
  { concept: 'stalled', zh: ['不更新', '没更新', '没动', '不动了', '停了', '卡住', '没有变化', '一直没有'], en: ['not updated', 'no update', 'stuck', 'stalled', 'hasn t moved', 'not moving'] },
  { concept: 'signed', zh: ['签收', '已送达', '显示送达', '妥投'], en: ['delivered', 'signed for'] },
  { concept: 'servicetime', zh: ['上班', '下班', '工作时间', '营业时间', '几点', '在线时间', '人工时间'], en: ['opening hours', 'working hours', 'business hours', 'hours', 'available', 'open'] },
  { concept: 'when', zh: ['多久', '几天', '多长时间', '啥时候', '什么时候', '何时', '多少天', '几号'], en: ['how long', 'when', 'how many days', 'how soon'] },
];
