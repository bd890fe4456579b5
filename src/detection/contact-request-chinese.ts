/**
 * Requests for a person written in Chinese, which has no spaces for the word
 * rules to split on. Patterns over characters (simplified and the common
 * traditional forms):
 * - asks for a human: 人工 (except 人工智能, "artificial intelligence"),
 *   真人 / 活人 ("a real / live person");
 * - a transfer or connection of the call: 转接 / 接通 / 转人工 (not 转账, a
 *   bank transfer);
 * - a verb of fetching or talking aimed at a person or department: 找 / 叫 /
 *   换 / 联系 someone, 跟 / 和 someone 说话 / 聊 / 沟通;
 * - "can anyone help me" with no task after it, "is customer service
 *   online", a call back from someone;
 * and the look-alikes: curiosity (你是真人吗, 真人还是机器人), customer
 * service as a topic (its phone number, hours, working in it), a person for
 * a job (找人帮我修…).
 */
export type ChineseVerdict = 'request' | 'look-alike' | null;

const HAN = /\p{Script=Han}/u;
// Whom a customer asks for: people, roles, departments, a surname with a title.
const PERSON = '(?:真人|活人|人工(?:客服|服务|服務)?|客服(?:人员|人員|专员|專員|代表)?|工作人员|工作人員|销售|銷售|业务员|業務員|经理|經理|客户经理|客戶經理|主管|负责人|負責人|领导|領導|老板|老闆|上级|上級|技术支持|技術支持|技术人员|技術人員|财务(?:部门|部)?|財務(?:部門|部)?|售后|售後|人|顾问|顧問|专家|專家|法务|法務|[\\u4e00-\\u9fff]{1,4}(?:部|部门|部門|组|組)的(?:人|同事|工作人员|工作人員)|[\\u4e00-\\u9fff](?:先生|女士|小姐|经理|經理|总|總|老师|老師))(?:部门|部門|部)?(?:的?(?:人|同事|工作人员|工作人員))?';
// Desks a chat is transferred to: 转财务, 转技术支持
const DESK = '(?:人工|客服|真人|销售|銷售|经理|經理|主管|售后|售後|售前|财务|財務|技术支持|技術支持|技术|技術|投诉|投訴|前台|总台|總台)';
const TALK = '(?:通个话|通個話|说话|說話|说|說|聊|聊聊|谈|談|谈谈|談談|沟通|溝通|对话|對話|通话|通話|讲|講|交流|通个电话|通個電話|通电话|通電話|打电话|打電話)';

const LOOK_ALIKES: RegExp[] = [
  // calls refused: 请不要再给我打电话了
  // humankind judged, not asked for: 人类真复杂
  /(?:人类|人類)(?:真|很|太|好|都)(?:复杂|複雜|奇怪|可怕|聪明|聰明|善变|善變|有趣|麻烦|麻煩|自私)/,
  /(?:不要|别|別|不用)(?:再)?(?:给我|給我)?(?:打|回)(?:电话|電話)/,
  // curiosity: "are you a real person?", "a person or a robot?", "is an AI replying?"
  /你(?:是|係)(?:不是)?(?:一个|一個)?(?:真人|人|机器人|機器人|人工智能|ai|AI)(?:吗|嗎|还是|還是|呢|\?|？|$)/,
  /(?:真人|人)(?:还是|還是)(?:机器人|機器人|机器|機器|程序|ai|AI|人工智能)|(?:机器人|機器人|机器|機器|程序|人工智能)(?:还是|還是)(?:真人|人)/,
  /是(?:人工智能|机器人|機器人|真人)在(?:回复|回覆|回答)/,
  // a conversation that already happened: 已经跟客服聊过了
  /(?:跟|和|与|與|同)[\u4e00-\u9fff]{0,6}(?:聊过|聊過|说过|說過|谈过|談過|沟通过|溝通過|联系过|聯繫過)/,
  // customer service as a topic: its number, hours, address; working in it
  /客服(?:的)?(?:电话|電話|热线|熱線|号码|號碼|邮箱|郵箱|工作时间|工作時間|时间|時間|几点|幾點|上班|下班|地址|微信|这个行业|這個行業|行业|行業|工作)/,
  /(?:做|当|當|应聘|應聘|招|招聘)(?:客服|销售|銷售)/,
  // someone to do a job: 找人帮我修水管
  /找(?:个|個)?人(?:来|來)?(?:帮|幫)(?:我|忙)[\u4e00-\u9fff]*?(?:修|搬|装|裝|做|写|寫|打扫|打掃|送|拿|取|看)/,
];

const REQUESTS: RegExp[] = [
  /人工|真人|活人|人类|人類|转移我|轉移我/,
  new RegExp(`转接|轉接|接通|[转轉](?:一下)?(?:到|给|給)?${DESK}`),
  new RegExp(`(?:找|叫|换|換|要|联系|聯繫|聯系|接|让|讓|请|請|安排)(?:一下|一个|一個|个|個|一位|位)?(?:你们|你們)?(?:的)?${PERSON}(?:来|來|过来|過來|出来|出來|跟我|和我|给我|給我|联系我|聯繫我|帮我看|幫我看|帮我处理|幫我處理|处理|處理|${TALK}|$|[，。！？,.!?])`),
  new RegExp(`(?:跟|和|与|與|同)(?:你们|你們)?(?:公司|团队|團隊|店里|店裡|这边|這邊|酒店|银行|銀行|门店|門店)?(?:的)?(?:一个|一個|个|個|一位)?(?:真正的|真的|专业的|專業的)?${PERSON}(?:一下|直接|当面|當面)?${TALK}`),
  // someone who knows, fetched to talk: 找个懂租车的人跟我说说
  new RegExp(`(?:找|换|換)(?:个|個|一个|一個|位)?[\\u4e00-\\u9fff]{0,6}的?人(?:来|來)?(?:跟我|和我|给我|給我)${TALK}`),
  // escalated to a person; someone of ours asked to look at or handle the case
  new RegExp(`(?:升级|升級)(?:给|給|到)(?:你们|你們)?(?:的)?${PERSON}`),
  /(?:让|讓|请|請|叫|安排)(?:你们|你們)(?:团队|團隊|公司|那边|那邊)?的?(?:人|同事|工作人员|工作人員|专员|專員)(?:来|來)?(?:看|处理|處理|跟进|跟進|核实|核實)/,
  // a person taking the chat over, or asked whether they are there: 让工作人员接手, 客服在吗
  /(?:人工|客服|真人|工作人员|工作人員|同事|专员|專員)(?:来|來)?(?:接手|接管|跟进|跟進)|(?:客服|人工|工作人员|工作人員|主管|经理|經理|负责人|負責人|领导|領導|店长|店長)(?:在吗|在嗎|在不在|在么|在麼)/,
  // a person of ours asked to handle it: 需要你们的工作人员处理一下
  /(?:需要|要|请|請|麻烦|麻煩|让|讓)(?:你们|你們)?(?:的)?(?:工作人员|工作人員|客服|人工|真人|同事|专员|專員)(?:来|來)?(?:处理|處理|跟进|跟進|帮忙|幫忙)/,
  // "can anyone help me?" with nothing after the help
  /(?:有没有|有沒有|有)(?:人|真人|客服)(?:能|可以|会|會)?(?:真正|真的|实际|實際)?(?:帮帮|幫幫|帮|幫)(?:我|忙)(?:吗|嗎|呢|吧)?[?？!！。]*$/,
  /(?:找|换|換)(?:个|個|一个|一個|位)?[\u4e00-\u9fff]{0,3}的?人(?:来|來)?(?:帮帮|幫幫|帮|幫)?(?:我)?(?:吗|嗎|吧|呢)?[?？!！。]*$/,
  // is anyone from customer service there / online
  /(?:有)(?:没有|沒有)?(?:客服|人工|工作人员|工作人員)(?:在|在线|在線)/,
  // a call back from someone
  /(?:让|讓|安排|请|請|叫)[\u4e00-\u9fff]{0,6}(?:给我|給我)(?:回|打)(?:个|個)?电话|(?:让|讓|安排|请|請|叫)[\u4e00-\u9fff]{0,6}(?:给我|給我)(?:回|打)(?:个|個)?電話/,
  // no more bot
  /(?:不要|别让|別讓|别用|別用|不想跟|不想和|不要跟|不要和)(?:这个|這個)?(?:机器人|機器人)/,
  // refusing the machine; handing this to a colleague; who can call me back
  /(?:拒绝|拒絕)(?:跟|和|与|與)?(?:机器|機器)/,
  /(?:交给|交給|转交|轉交|转给|轉給)(?:你们|你們)?(?:的)?(?:同事|人工|客服|工作人员|工作人員|经理|經理|主管|真人)/,
  /(?:谁|誰|有人)(?:能|可以)?(?:给我|給我)(?:回|打)(?:个|個)?(?:电话|電話)/,
  // a way to reach a person; the desk in charge
  /(?:办法|辦法|方法)(?:直接)?(?:联系|聯繫|聯系|找)(?:到)?(?:人|真人|客服|人工|工作人员|工作人員)/,
  /[转轉](?:到|给|給)?(?:对应|對應|相关|相關|负责|負責)的?(?:部门|部門|人|同事)/,
  // someone fetched: 把你们组长叫来
  /把(?:你们|你們)?[\u4e00-\u9fff]{0,8}(?:叫来|叫來|叫过来|叫過來|找来|找來|请来|請來|喊来|喊來)/,
  // a person described by where they work, then talked to: 跟婚礼场地的负责人说话
  new RegExp(`(?:跟|和|与|與|同)[\\u4e00-\\u9fff]{1,10}的(?:负责人|負責人|工作人员|工作人員|经理|經理|主管|顾问|顧問|同事|人)(?:直接|当面|當面)?${TALK}`),
  // a person looked for, then asked: 找诊所的人问一下, 找我的案件负责人
  /找(?:一下)?(?:我的|你们的|你們的)?[\u4e00-\u9fff]{0,8}(?:负责人|負責人|的人|顾问|顧問|专员|專員|经理|經理|主管|同事)(?:[问問]|聊|谈|談|说|說|讲|講|沟通|溝通|$|[，。！？,.!?])/,
  // someone sent to contact the customer: 派个人给我打电话, 请安排同事跟我联系
  /(?:安排|派|让|讓|请|請|叫)[\u4e00-\u9fff]{0,6}(?:同事|人|工作人员|工作人員|客服|专员|專員)[\u4e00-\u9fff]{0,6}(?:跟我|和我|给我|給我)(?:联系|聯繫|聯系|打电话|打電話|回电话|回電話|回个电话|回個電話|打个电话|打個電話)/,
  // the one in charge of something, contacted: 联系负责我们合同的那位
  /(?:联系|聯繫|聯系)(?:一下)?(?:负责|負責|对接|對接)[\u4e00-\u9fff]{0,12}(?:那位|的人|的同事|负责人|負責人)/,
  // who can explain it in person: 谁能当面给我讲讲
  /(?:谁|誰|哪位)(?:能|可以|会|會)[\u4e00-\u9fff]{0,4}(?:给我|給我|跟我|和我)(?:讲讲|講講|说说|說說|解释|解釋|聊聊|讲一下|講一下|说一下|說一下)/,
  // "anyone there?" opening the chat
  /^(?:你好|您好)?[，,]?(?:有人吗|有人嗎|有人在吗|有人在嗎)/,
  // someone who knows the matter: 找个懂增值税的人
  /找(?:个|個|一个|一個|位)?(?:真正)?(?:懂|了解|熟悉)[\u4e00-\u9fff]{0,8}的?(?:人|顾问|顧問|同事|专家|專家)/,
  // the customer put through to a place or a colleague: 帮我转到驾校那边, 把我转给…的同事
  /(?:帮我|幫我|把我|给我|給我)(?:转|轉)(?:到|给|給|接到|接给)/,
  // someone asked to talk to the customer, or to call back: 让验光师跟我说一下, 请租房办公室给我回电
  /(?:让|讓|请|請|叫)[\u4e00-\u9fff]{1,8}(?:跟我|和我|给我|給我)(?:说|說|讲|講|聊|谈|談|解释|解釋|回电|回電|回个电话|回個電話|回电话|回電話)/,
  // a staff member met or talked to: 跟你们的员工当面过一下
  /(?:跟|和|与|與|同)(?:你们|你們)?的?(?:员工|員工)/,
  // someone who knows the thing: 有没有懂充电桩的人
  /有没有(?:懂|了解|熟悉|会|會)[\u4e00-\u9fff]{0,8}的(?:人|师傅|師傅|同事|老师|老師)/,
  // teachers, dispatchers, craftsmen of a place talked to or looked for: 找开锁公司的调度, 跟招生办的老师聊
  new RegExp(`找[\\u4e00-\\u9fff]{0,8}的(?:调度|調度|老师|老師|师傅|師傅)|(?:跟|和|与|與|同)[\\u4e00-\\u9fff]{1,10}的(?:老师|老師|师傅|師傅|调度|調度)${TALK}`),
  // a place's people asked to contact the customer: 灭虫公司的人联系我
  /的(?:人|同事|工作人员|工作人員|老师|老師|师傅|師傅)(?:来|來)?(?:联系|聯繫|聯系|打电话给|打電話給)我/,
  // a desk asked whether anyone is there: 订阅部门有人吗
  /(?:部门|部門|那边|那邊|办公室|辦公室)(?:有人|有没有人|有沒有人)(?:吗|嗎|在吗|在嗎)?/,
  // the customer put through to an office: 帮我接幼儿园办公室
  /(?:帮我|幫我|给我|給我)接(?:通|到)?[\u4e00-\u9fff]{0,8}(?:办公室|辦公室|部门|部門|前台|客服|人工|总台|總台|经理|經理|主管)/,
  // sixth round: a role named by its ending (药剂师, 会计师, 技术员; not 会员, a membership) put through, found to talk, asked to call back or
  // offered to talk: 帮我接一下药剂师, 找个翻译跟我沟通, 安排技术员回我电话, 有邮轮顾问可以跟我说说吗, 联系仓库的负责人
  /(?:帮我|幫我|请|請|麻烦|麻煩)(?:接|联系|聯繫|聯系)(?:一下)?[\u4e00-\u9fff]{0,4}(?:师|師|(?<!会|會|成|动|動|演)员|(?<!会|會|成|动|動|演)員|顾问|顧問)/,
  new RegExp(`找(?:个|個|一个|一個|位|一位)?[\u4e00-\u9fff]{1,6}(?:跟我|和我)${TALK}`),
  /(?:让|讓|安排|请|請|叫)[\u4e00-\u9fff]{0,6}回我(?:个|個)?(?:电话|電話)/,
  new RegExp(`有(?:没有|沒有)?[\u4e00-\u9fff]{1,6}(?:可以|能)(?:跟我|和我|给我|給我)${TALK}`),
  /(?:联系|聯繫|聯系)(?:一下)?[\u4e00-\u9fff]{1,8}的(?:负责人|負責人|主管|经理|經理)/,
  // a role talked to directly (我想直接跟摄影师沟通), asked to contact the customer (请你们的学业顾问联系我, 请客服人员尽快联系我), fetched (叫维修店的店长来),
  // arranged to talk (安排老师跟我通个电话)
  new RegExp(`(?:跟|和|与|與|同)(?:你们|你們)?的?[\\u4e00-\\u9fff]{0,4}(?:师|師|(?<!会|會|成|动|動|演)员|(?<!会|會|成|动|動|演)員|顾问|顧問)(?:直接|当面|當面)?${TALK}`),
  /(?:请|請|让|讓|叫|安排|麻烦|麻煩)(?:你们|你們)?的?[\u4e00-\u9fff]{0,6}(?:师|師|顾问|顧問|人员|人員|经理|經理|主管|负责人|負責人|客服)(?:尽快|盡快|马上|馬上|赶紧|趕緊)?(?:联系我|聯繫我|联络我|聯絡我|给我打电话|給我打電話|打给我|打給我)/,
  // someone of yours met to talk (我想找你们的人当面谈), a place's front desk talked to (跟水疗中心的前台说话), someone sent to talk (派个人跟我沟通)
  new RegExp(`找(?:你们|你們)的?(?:人|同事|工作人员|工作人員)(?:当面|當面|直接)?${TALK}`),
  new RegExp(`(?:跟|和|与|與|同)[\\u4e00-\\u9fff]{1,10}的(?:前台|前臺|接待)${TALK}`),
  new RegExp(`(?:派|安排)(?:个|個|一个|一個|位)?(?:人|同事|工作人员|工作人員)(?:跟我|和我|给我|給我)${TALK}`),
  /叫[\u4e00-\u9fff]{0,8}(?:店长|店長|老板|老闆|负责人|負責人|经理|經理|主管|师傅|師傅|领导|領導)(?:来|來|过来|過來|出来|出來)/,
  new RegExp(`(?:安排|请|請|让|讓)[\\u4e00-\\u9fff]{1,8}(?:跟我|和我)${TALK}`),
  // who can I talk to: 能跟谁说
  /(?:能|可以|该|該)?(?:跟|和|找)(?:谁|誰)(?:说|說|聊|谈|談|讲|講|沟通|溝通)/,
];

export function matchChineseContactRequest(text: string): ChineseVerdict {
  if (!HAN.test(text)) return null;
  // 人工智能 is artificial intelligence, 转账 a bank transfer: neither asks for a person.
  const cleaned = text
    .replace(/人工智能|人工智慧/g, 'AI')
    // labour cost, handmade, man-made: 人工 as an adjective, not a human agent; 真人秀 is a reality show
    .replace(/人工(?=费|費|成本|制作|製作|合成|湖|降雨|呼吸|授精|材料)|真人(?=秀)/g, '手工').replace(/转账|轉賬|轉帳/g, '汇款');
  if (LOOK_ALIKES.some((pattern) => pattern.test(cleaned))) return 'look-alike';
  if (REQUESTS.some((pattern) => pattern.test(cleaned))) return 'request';
  return null;
}
