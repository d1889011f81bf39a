/**
 * Where the content script runs without being asked: the sites where Met news is read. One entry
 * per site, each with the reason it is here. A domain covers its subdomains ("parliament.uk"
 * covers hansard.parliament.uk and committees.parliament.uk); an entry written with "www." is
 * that one host, for sites under a shared suffix ("www.gov.uk": not every *.gov.uk).
 * tests/unit/news-sites.test.ts checks every entry. Add a site with a reason; keep each a site.
 * The reasons are comments: they are for the people who keep the list, and every page of every
 * listed site would otherwise parse them with the content script.
 */
export const NEWS_SITES: readonly string[] = [
  // UK national news, with every domain they publish on.
  'bbc.co.uk', // BBC News (UK)
  'bbc.com', // BBC News (international edition)
  'theguardian.com', // The Guardian and The Observer archive
  'observer.co.uk', // The Observer (since 2025)
  'independent.co.uk', // The Independent
  'the-independent.com', // The Independent (newer domain)
  'standard.co.uk', // London Evening Standard
  'telegraph.co.uk', // The Telegraph
  'thetimes.com', // The Times
  'thetimes.co.uk', // The Times (older domain)
  'dailymail.co.uk', // Daily Mail and Mail on Sunday
  'mirror.co.uk', // Daily Mirror
  'thesun.co.uk', // The Sun
  'express.co.uk', // Daily Express
  'dailystar.co.uk', // Daily Star
  'inews.co.uk', // The i Paper
  'metro.co.uk', // Metro
  'ft.com', // Financial Times
  'cityam.com', // City AM (London)
  'morningstaronline.co.uk', // Morning Star
  'huffingtonpost.co.uk', // HuffPost UK
  'huffpost.com', // HuffPost
  'nationalworld.com', // NationalWorld
  'bylinetimes.com', // Byline Times
  'novaramedia.com', // Novara Media
  'opendemocracy.net', // openDemocracy
  'tortoisemedia.com', // Tortoise
  'unherd.com', // UnHerd
  'theweek.com', // The Week
  'newstatesman.com', // New Statesman
  'spectator.co.uk', // The Spectator
  'prospectmagazine.co.uk', // Prospect
  'economist.com', // The Economist
  'private-eye.co.uk', // Private Eye
  'voice-online.co.uk', // The Voice, Britain’s Black newspaper
  'easterneye.biz', // Eastern Eye
  'thejc.com', // The Jewish Chronicle
  'jewishnews.co.uk', // Jewish News
  'pinknews.co.uk', // PinkNews
  'middleeasteye.net', // Middle East Eye (London-based)
  // Broadcasters and wires, with the hosts they serve articles from.
  'news.sky.com', // Sky News
  'itv.com', // ITV News
  'channel4.com', // Channel 4 News
  'lbc.co.uk', // LBC
  'gbnews.com', // GB News
  'talk.tv', // TalkTV
  'reuters.com', // Reuters
  'apnews.com', // Associated Press
  'afp.com', // Agence France-Presse
  'bloomberg.com', // Bloomberg
  'politico.eu', // Politico Europe
  'politico.com', // Politico
  'cnn.com', // CNN
  'nytimes.com', // The New York Times
  'washingtonpost.com', // The Washington Post
  'npr.org', // NPR
  'aljazeera.com', // Al Jazeera
  'france24.com', // France 24
  'dw.com', // Deutsche Welle
  'euronews.com', // Euronews
  'rte.ie', // RTÉ News
  'irishtimes.com', // The Irish Times
  'independent.ie', // Irish Independent
  'abc.net.au', // ABC News (Australia)
  // Aggregators that carry wire and partner stories in full.
  'news.yahoo.com', // Yahoo News (every edition, uk.news.yahoo.com among them)
  'uk.yahoo.com', // Yahoo UK (news pages)
  'msn.com', // MSN news
  'newsnow.co.uk', // NewsNow
  'uk.news.aol.com', // AOL UK news
  // UK regional and Scottish, Welsh and Northern Irish titles.
  'manchestereveningnews.co.uk', // Manchester Evening News
  'liverpoolecho.co.uk', // Liverpool Echo
  'birminghammail.co.uk', // Birmingham Mail
  'chroniclelive.co.uk', // Newcastle Chronicle
  'walesonline.co.uk', // WalesOnline
  'bristolpost.co.uk', // Bristol Post / Bristol Live
  'kentonline.co.uk', // KentOnline
  'kentlive.news', // Kent Live
  'essexlive.news', // Essex Live
  'surreylive.news', // Surrey Live
  'sussexexpress.co.uk', // Sussex Express
  'theargus.co.uk', // The Argus (Brighton)
  'hertfordshiremercury.co.uk', // Hertfordshire Mercury
  'bucksfreepress.co.uk', // Bucks Free Press
  'echo-news.co.uk', // Echo (Southend and Essex)
  'oxfordmail.co.uk', // Oxford Mail
  'cambridge-news.co.uk', // Cambridge News
  'nottinghampost.com', // Nottingham Post
  'leicestermercury.co.uk', // Leicester Mercury
  'coventrytelegraph.net', // Coventry Telegraph
  'yorkshirepost.co.uk', // Yorkshire Post
  'yorkshireeveningpost.co.uk', // Yorkshire Evening Post
  'examinerlive.co.uk', // Huddersfield Examiner
  'thestar.co.uk', // Sheffield Star
  'lep.co.uk', // Lancashire Evening Post
  'thenorthernecho.co.uk', // The Northern Echo
  'plymouthherald.co.uk', // Plymouth Herald
  'devonlive.com', // Devon Live
  'cornwalllive.com', // Cornwall Live
  'hulldailymail.co.uk', // Hull Daily Mail
  'scotsman.com', // The Scotsman
  'heraldscotland.com', // The Herald (Glasgow)
  'thenational.scot', // The National (Scotland)
  'dailyrecord.co.uk', // Daily Record
  'belfasttelegraph.co.uk', // Belfast Telegraph
  'irishnews.com', // The Irish News
  // London local news.
  'mylondon.news', // MyLondon
  'londonworld.com', // LondonWorld
  'onlondon.co.uk', // OnLondon
  'thelondoneconomic.com', // The London Economic
  'thisislocallondon.co.uk', // This Is Local London (Newsquest’s London titles)
  'newsshopper.co.uk', // News Shopper (south-east London)
  'times-series.co.uk', // Times Series (Barnet and north London)
  'harrowtimes.co.uk', // Harrow Times
  'ealingtimes.co.uk', // Ealing Times
  'croydonguardian.co.uk', // Croydon Guardian
  'wandsworthguardian.co.uk', // Wandsworth Guardian
  'suttonguardian.co.uk', // Sutton Guardian
  'richmondandtwickenhamtimes.co.uk', // Richmond and Twickenham Times
  'surreycomet.co.uk', // Surrey Comet (Kingston)
  'enfieldindependent.co.uk', // Enfield Independent
  'hamhigh.co.uk', // Ham&High (Camden and Haringey)
  'islingtongazette.co.uk', // Islington Gazette
  'hackneygazette.co.uk', // Hackney Gazette
  'eastlondonadvertiser.co.uk', // East London Advertiser
  'ilfordrecorder.co.uk', // Ilford Recorder
  'romfordrecorder.co.uk', // Romford Recorder
  'newhamrecorder.co.uk', // Newham Recorder
  'southwarknews.co.uk', // Southwark News
  'eastlondonlines.co.uk', // East London Lines
  'brixtonblog.com', // Brixton Blog
  'inyourarea.co.uk', // In Your Area (local news by postcode)
  // Policing trade press and professional bodies.
  'policeprofessional.com', // Police Professional
  'policeoracle.com', // Police Oracle
  'policinginsight.com', // Policing Insight
  'polfed.org', // Police Federation of England and Wales
  'metfed.org.uk', // Metropolitan Police Federation
  'college.police.uk', // College of Policing
  'npcc.police.uk', // National Police Chiefs’ Council
  'apccs.police.uk', // Association of Police and Crime Commissioners
  'www.police.uk', // police.uk, the national crime and policing site (police.uk is a shared suffix)
  'lawgazette.co.uk', // Law Society Gazette
  'thejusticegap.com', // The Justice Gap
  // Official bodies.
  'met.police.uk', // The Metropolitan Police: news.met.police.uk and every other met.police.uk host
  'london.gov.uk', // Mayor of London, City Hall and MOPAC
  'parliament.uk', // Parliament: Hansard, committees, written questions, publications
  'theyworkforyou.com', // TheyWorkForYou (Hansard, as published by mySociety)
  'www.gov.uk', // GOV.UK: Home Office news, statements and reports (gov.uk is a shared suffix)
  'homeofficemedia.blog.gov.uk', // Home Office news blog
  'justiceinspectorates.gov.uk', // HMICFRS and the other criminal justice inspectorates
  'policeconduct.gov.uk', // Independent Office for Police Conduct
  'cps.gov.uk', // Crown Prosecution Service
  'judiciary.uk', // Courts and Tribunals Judiciary: judgments and sentencing remarks
  'bailii.org', // BAILII: court judgments
  'ons.gov.uk', // Office for National Statistics: crime statistics
  'nationalcrimeagency.gov.uk', // National Crime Agency
  'independent-inquiry.uk', // Independent inquiries’ sites (the Angiolini Inquiry among them)
  'ucpi.org.uk', // Undercover Policing Inquiry
  // Reference.
  'en.wikipedia.org', // English Wikipedia
  'en.m.wikipedia.org', // English Wikipedia, mobile
];
