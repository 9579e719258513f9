/** The shop pages `npm start` opens, served from saved fixtures at their real addresses. */
export interface DemoPage {
  name: string;
  url: string;
  file: string;
}

export const DEMO_PAGES: DemoPage[] = [
  {
    name: 'jd-search-2018',
    url: 'https://search.jd.com/Search?keyword=%E6%BF%80%E5%85%89%E6%89%93%E5%8D%B0',
    file: 'pages/jd-search-2018.html',
  },
];
