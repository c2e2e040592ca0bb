/**
 * @module Two easily confused Harbor Grocers events, one day apart: the third-quarter results (Nov 6; the
 * wire original is in articles-meridian-wire.ts) and the Harbor Pantry spinach recall (Nov 7). Each
 * event's coverage mentions the other in passing.
 */
import { article, h2, p, quote, ul } from "./blocks.ts";
import type { DemoArticle } from "./types.ts";

export const harborGrocersArticles: DemoArticle[] = [
  article({
    slug: "store-brand-shoppers-lift-harbor-grocers",
    outletSlug: "harbor-herald",
    eventId: "harbor-grocers-results",
    headline: "Penny-pinching shoppers are good news for Harbor Grocers’ bottom line",
    author: "Nell Achterberg",
    published: "2026-11-07T16:30:00-08:00",
    section: "business",
    summary:
      "The Port Alder chain earned more last quarter by selling more of its own cheaper labels. Shoppers in its aisles describe why.",
    leadImage: {
      name: "harbor-pantry-shelf",
      alt: "Supermarket shelves stocked with cans and boxes carrying the same plain green house label",
      caption: "Harbor Pantry products on the shelves of the chain’s Foundry Street store on Saturday.",
      credit: "Sam Ferreira/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "Marisol Petrov used to fill her cart with the brands she grew up with. These days, at the Harbor Grocers on Foundry Street, most of what goes in carries a plain green label that says Harbor Pantry.",
      ),
      p(
        "“The coffee is the same coffee, as far as I can tell, and it is three dollars less,” said Petrov, a dental hygienist with two teenagers. “I switched the cereal, the canned tomatoes, the dish soap. I draw the line at peanut butter.”",
      ),
      p(
        "Shoppers like her are why Port Alder’s hometown supermarket chain made more money this summer. Harbor Grocers said Friday that its third-quarter profit rose 11% to $24.6 million, or 61 cents a share, on revenue of $812 million, and that it would raise its quarterly dividend by 2 cents to 24 cents.",
      ),
      h2("Cheaper for shoppers, better for the chain"),
      p(
        "Store brands now account for 27% of the chain’s grocery sales, up from 23% a year ago. They are cheaper for customers but usually carry fatter margins for the grocer, because there is no national brand to pay and little advertising to fund.",
      ),
      p(
        "“Private label used to be the thing you bought when you had to. Now it is a choice people make with their eyes open,” said Joanna Petrakis, who follows the company for Birchfield Securities. She said the chain had also saved on fuel by routing its delivery trucks from one warehouse instead of two.",
      ),
      p(
        "The company, which has 64 stores and roughly 9,000 employees, plans two new stores next year, including its first in Millbrook, a town that has been without a full-size supermarket since 2021.",
      ),
      p(
        "The earnings news was overshadowed on Saturday, when Harbor Grocers pulled Harbor Pantry frozen chopped spinach from its freezers over possible listeria contamination, a separate matter the company said had no link to its results.",
      ),
    ],
    tags: ["Harbor Grocers", "retail", "earnings", "store brands"],
  }),
  article({
    slug: "harbor-grocers-recalls-frozen-spinach-over-listeria",
    outletSlug: "tvpr",
    eventId: "harbor-grocers-spinach-recall",
    headline: "Check your freezer: Harbor Grocers recalls store-brand spinach over listeria risk",
    author: "Maren Solberg",
    published: "2026-11-07T11:40:00-08:00",
    section: "news",
    summary:
      "Bags of Harbor Pantry chopped spinach sold since mid-October may carry listeria. No one has reported getting sick, but health officials say some people are at higher risk.",
    leadImage: {
      name: "frozen-aisle-recall-notice",
      alt: "A printed recall notice taped to the glass door of a supermarket freezer case",
      caption: "A recall notice on a freezer door at a Harbor Grocers store in Fernhill on Saturday.",
      credit: "Maren Solberg/TVPR",
      width: 1280,
      height: 720,
    },
    body: [
      p(
        "If there is a green bag of Harbor Pantry chopped spinach in your freezer, health officials would like you to look at the date on the back before you cook with it.",
      ),
      p(
        "Harbor Grocers on Saturday recalled 16-ounce bags of its store-brand frozen chopped spinach with best-by dates from June 2 through June 19, 2027, after a routine state test found Listeria monocytogenes in a sample. The bags were sold at all 64 of the chain’s stores beginning Oct. 12.",
      ),
      p(
        "No illnesses have been reported. The spinach was packed for the chain by Greenfold Farms at its plant in Fernhill, which has stopped its spinach line while inspectors from the state Department of Agriculture review it.",
      ),
      h2("Who should worry"),
      p(
        "Listeria is rare but can be serious, and its symptoms can take weeks to appear. Tern County health officer Dr. Paul Iverson said the people most at risk are pregnant women, newborns, adults over 65 and anyone with a weakened immune system.",
      ),
      quote(
        "Cooking frozen spinach thoroughly does kill listeria, but people eat it in smoothies and dips without cooking it. That is why we want these bags out of kitchens, not just off shelves.",
        "Dr. Paul Iverson, Tern County Health Department",
      ),
      p(
        "Customers can return the bags to any Harbor Grocers store for a full refund, with or without a receipt. The recall came a day after the company reported higher quarterly profit, driven in part by sales of the same Harbor Pantry label.",
      ),
    ],
    tags: ["food safety", "recall", "Harbor Grocers", "health"],
  }),
  article({
    slug: "harbor-grocers-pulls-harbor-pantry-spinach",
    outletSlug: "harbor-herald",
    eventId: "harbor-grocers-spinach-recall",
    headline: "Harbor Grocers pulls Harbor Pantry spinach from 64 stores after state lab finds listeria",
    author: "Priya Castellanos",
    published: "2026-11-07T13:10:00-08:00",
    section: "news",
    summary:
      "The sample that tested positive came from a Fernhill packing plant. The chain says no one has fallen ill and is offering refunds without receipts.",
    leadImage: {
      name: "greenfold-farms-plant-fernhill",
      alt: "A low white food processing building with loading docks and a row of refrigerated trucks",
      caption: "The Greenfold Farms packing plant in Fernhill, where the recalled spinach was bagged.",
      credit: "Sam Ferreira/Harbor Herald",
      width: 1200,
      height: 800,
    },
    body: [
      p(
        "A state laboratory test of a single bag of frozen spinach has led Harbor Grocers to clear an entire product off its shelves in every one of its 64 stores.",
      ),
      p(
        "The Port Alder-based chain said Saturday morning that it was recalling its Harbor Pantry frozen chopped spinach in 16-ounce bags marked best by June 2 through June 19, 2027. The state Department of Agriculture found Listeria monocytogenes in a bag it bought at the chain’s Tern Parkway store during routine sampling on Tuesday, according to the department.",
      ),
      p(
        "“We would rather pull a thousand good bags than leave one bad one on the shelf,” said Wendy Kagame, the company’s vice president for food safety. She said the chain had also stopped selling the product online and had sent emails to loyalty card holders who bought it.",
      ),
      h2("Where it came from"),
      p(
        "The spinach was frozen and bagged by Greenfold Farms in Fernhill, a supplier to Harbor Grocers since 2014. Greenfold’s general manager, Arturo Leal, said the plant had shut down its spinach line and was cleaning and retesting it. The plant’s other products are not part of the recall.",
      ),
      ul(
        "Product: Harbor Pantry Chopped Spinach, frozen, 16 oz",
        "Best-by dates: June 2 to June 19, 2027",
        "Sold: all Harbor Grocers stores and online, since Oct. 12",
        "What to do: throw it away or return it to any store for a refund",
      ),
      p(
        "The recall is an awkward turn for the chain, which only on Friday told investors that its Harbor Pantry label had grown to more than a quarter of its grocery sales and helped lift quarterly profit by 11%.",
      ),
      p("Questions can go to the company’s customer line at 1-888-555-0142, which is staffed until 9 p.m."),
    ],
    tags: ["Harbor Grocers", "recall", "food safety", "Fernhill"],
  }),
  article({
    slug: "spinach-recall-what-shoppers-should-know",
    outletSlug: "valley-dispatch",
    eventId: "harbor-grocers-spinach-recall",
    headline: "Spinach recall: which bags, and how to get your money back",
    author: "June Halvorsen",
    published: "2026-11-08T08:15:00-08:00",
    section: "local",
    summary: "A quick guide to the Harbor Pantry frozen spinach recall announced Saturday.",
    leadImage: {
      name: "dispatch-spinach-bag-label",
      alt: "The back of a green frozen vegetable bag with a printed best-by date circled in marker",
      caption: "The best-by date on the back of a recalled bag of Harbor Pantry chopped spinach.",
      credit: "June Halvorsen/Valley Dispatch",
      width: 1000,
      height: 750,
    },
    body: [
      p(
        "Readers have been asking which spinach is affected by the recall Harbor Grocers announced on Saturday. Here is the short version.",
      ),
      p(
        "Only one product is included: Harbor Pantry frozen chopped spinach in the 16-ounce bag, best by June 2 through June 19, 2027. Fresh spinach, canned spinach and other Harbor Pantry frozen vegetables are not affected, the chain says.",
      ),
      p(
        "The state found listeria in one sample packed by Greenfold Farms of Fernhill. Nobody has reported being sick. If you have eaten the spinach and feel fine, you do not need to do anything, but call a doctor if you develop a fever or muscle aches in the coming weeks, especially if you are pregnant or older than 65.",
      ),
      p(
        "Any Harbor Grocers store will refund the bags without a receipt. The recall came one day after the chain posted an 11% jump in third-quarter profit, which it credited in part to its store brands.",
      ),
    ],
    tags: ["recall", "Harbor Grocers", "consumer"],
  }),
];
