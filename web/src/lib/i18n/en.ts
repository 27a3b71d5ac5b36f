/**
 * English interface strings (`?lang=en`). Venue data stays as the API gives it; the list leads with
 * a venue's English name when it has one.
 */

import type { Admission, Theme, VenueKind, VenueSort } from '$lib/api/types';
import type { AccessibilityNeed } from '$lib/api/vocab';
import type { When } from '$lib/state/when';
import { roundDistance } from '$lib/venues/distance';
import { consoleMessages } from './console.en';
import { searchMessages } from './search.en';
import { mapMessages } from './map.en';
import { venueMessages } from './venue.en';
import { visitMessages } from './visit.en';
import { bookingMessages } from './booking.en';
import type { Messages } from './zh-CN';

const kinds: Record<VenueKind, string> = {
  museum: 'Museum',
  library: 'Library',
  science_center: 'Science centre',
  memorial_hall: 'Memorial hall',
  art_gallery: 'Art gallery',
  cultural_center: 'Cultural centre',
  heritage_hall: 'Intangible heritage hall',
  performance_venue: 'Performance venue',
  sports_venue: 'Sports venue',
  park: 'Park',
  national_park: 'National park',
  youth_palace: 'Youth palace',
  children_center: "Children's centre",
  practice_base: 'Study-practice base',
  community_station: 'Family-education station',
  education_base: 'Education base',
  camp: 'Camp',
};

const themes: Record<Theme, string> = {
  patriotism: 'Patriotism',
  rule_of_law: 'Rule of law',
  science: 'Science',
  culture_heritage: 'Cultural heritage',
  arts: 'Arts',
  sports: 'Sports',
  labour: 'Labour',
  nature: 'Nature',
  safety: 'Safety',
  volunteering: 'Volunteering',
  reading: 'Reading',
  family_education: 'Family education',
};

const accessibility: Record<AccessibilityNeed, string> = {
  wheelchair: 'Wheelchair access',
  hearing: 'Hearing support',
  visual: 'Visual support',
  cognitive: 'Cognitive support',
};

const admission: Record<Admission, string> = {
  free: 'free',
  discounted: 'discounted',
  paid: 'paid',
  unknown: 'unknown',
};

const sorts: Record<VenueSort, string> = {
  distance: 'Nearest first',
  relevance: 'Best name match',
  name: 'By name',
};

const placeSources = {
  located: 'My location',
  picked: 'Point picked on the map',
  shared: 'Place from the link',
  district: 'Chosen district',
  school: 'My school',
};

const districtLevels = { province: 'province', city: 'city', district: 'district' };

const geoErrors = {
  denied: 'Location permission was not given.',
  unavailable: 'Your location could not be found right now.',
  timeout: 'Finding your location took too long.',
  unsupported: 'This browser cannot share its location.',
};

const label =
  <K extends string>(table: Record<K, string>) =>
  (key: string) =>
    Object.hasOwn(table, key) ? table[key as K] : key;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const quoteList = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/** Every interface string in English, in the same shape as the Chinese ones. */
export const messages: Messages = {
  appName: 'Kaimen',
  appTagline: 'Where children learn outside school',
  pageTitle: 'Kaimen · Where children learn outside school',
  skipToList: 'Skip to the list of venues',
  searchLabel: 'Search venues',
  searchPlaceholder: 'Name, e.g. museum',
  mapLabel: 'Map of venues. Every venue on the map is also in the list of venues, which works with a keyboard.',
  listLabel: 'Venues in the map area',
  listRegionLabel: 'List of venues',
  resultCount: (n: number, more = false) =>
    more ? `Showing the first ${n} venues; there are more` : `${n} ${n === 1 ? 'venue' : 'venues'}`,
  moreResults: 'Only the first results are shown; zoom in to see more.',
  loading: 'Loading venues…',
  emptyNoFilters: 'No venues in this area. Try showing a larger area of the map.',
  emptyFiltered: (names: string[]) =>
    `No venues match. Try removing ${quoteList(names)} or showing a larger area of the map.`,
  removeFilter: (name: string) => `Remove “${name}”`,
  zoomOut: 'Show a larger area',
  minorsAdmission: 'Under-18s: ',
  admissionLabel: (a: string) => label(admission)(a),
  kindLabel: label(kinds),
  themeLabel: label(themes),
  accessibilityLabel: label(accessibility),
  distance: (metres: number) => {
    const d = roundDistance(metres);
    return `${d.value} ${d.unit}`;
  },
  distanceLabel: (text: string) => `${text} away`,
  fromSchool: (text: string) => `${text} from school`,
  /** The letter on the school's marker. */
  schoolMarkerGlyph: 'S',
  schoolMarker: (name: string) => `My school: ${name}`,

  filtersHeading: 'Filters',
  filtersToggle: (active: number) => (active > 0 ? `Filters (${active} on)` : 'Filters'),
  admissionLegend: 'Admission and booking',
  filterFree: 'Free for under-18s',
  filterGreenChannel: 'Green channel (school group booking)',
  greenChannelName: 'green channel',
  whenLegend: 'When',
  whenAny: 'Any time',
  whenWeekend: 'This weekend',
  whenWeekendDates: (dates: string[]) =>
    ` (${dates.map((d) => `${Number(d.slice(8, 10))} ${months[Number(d.slice(5, 7)) - 1] ?? ''}`).join(', ')})`,
  whenDate: 'On a day',
  whenDateLabel: 'Date',
  whenNow: 'Open now',
  whenHint: 'From the venues’ published hours, with public holidays and make-up workdays',
  whenFilterName: (when: When) =>
    when.type === 'weekend'
      ? 'open this weekend'
      : when.type === 'date'
        ? `open on ${Number(when.date.slice(8, 10))} ${months[Number(when.date.slice(5, 7)) - 1] ?? ''}`
        : when.type === 'range'
          ? searchMessages.whenRangeName(when.from, when.to)
          : 'open now',
  unknownHoursLeftOut: (n: number) =>
    `${n} more ${n === 1 ? 'venue has' : 'venues have'} unknown opening hours and ${n === 1 ? 'is' : 'are'} not shown`,
  showUnknownHours: 'Show them too',
  unknownHoursShown: (n: number) =>
    `${n} of these ${n === 1 ? 'has' : 'have'} unknown opening hours; check before you go`,
  hideUnknownHours: 'Hide them',
  hoursUnknownTag: 'Hours unknown',
  kindsLegend: 'Kind of venue',
  themesLegend: 'Theme',
  accessibilityLegend: 'Accessibility',
  accessibilityHint: 'Only venues confirmed to meet every need chosen',
  sortLabel: 'Sort',
  sortDefault: 'Default',
  sortLabelFor: label(sorts),
  sortNeedsPlace: ' (set a place first)',
  sortNeedsQuery: ' (type a name first)',
  clearFilters: 'Clear filters',
  searchFilterName: (q: string) => `search: ${q}`,

  placeLegend: 'Place',
  locateMe: 'Locate me',
  locating: 'Locating…',
  pickOnMap: 'Pick on the map',
  cancelPick: 'Cancel picking',
  pickHint:
    'Click the map to choose a place. With a keyboard, move the map and press Enter for its centre; Esc cancels.',
  placeSearchLabel: 'Centre on a district or venue by name',
  placeSearchPlaceholder: 'District, city or venue name',
  placeSearchNoMatch: 'No district or venue with that name',
  placeSearchResults: 'Matching districts and venues',
  placeSourceLabel: label(placeSources),
  placeCurrent: (name: string) => `Place: ${name}`,
  clearPlace: 'Clear place',
  geoErrorText: label(geoErrors),
  geoFallback: 'You can pick a point on the map, or type a district, city or venue name instead.',
  typePlaceName: 'Type a district or venue name',
  districtLevelLabel: label(districtLevels),

  sheetExpand: 'Show the list',
  sheetFull: 'Show the list full screen',
  sheetCollapse: 'Hide the list',

  langSwitchLabel: 'Language',
  otherLang: '中文',
  otherLangCode: 'zh-CN',

  legendTitle: 'Legend',
  legendAdmission: 'Dot colour: admission for under-18s',
  legendApprox: 'Faint: approximate location',
  legendClusters: 'Numbered circles: groups of venues and how many, coloured as most of them are; click to zoom in',
  mapDescription:
    'Dot colours show admission for under-18s: green free, orange discounted, blue-grey paid, grey unknown; faint dots are approximate locations. Zoomed out, nearby venues merge into one circle showing how many, coloured as most of them are. The venue list shows the same venues and can be browsed by keyboard.',

  networkError: 'Cannot reach the server; please try again later.',
  serverError: 'The server has a problem right now; please try again later.',
  mapLoadError: 'The map could not load; the list of venues still works.',
  offlineAttribution: 'Boundaries: ECharts 4 map data (indicative)',
  mapLocale: {},

  ...venueMessages,
  ...searchMessages,
  ...mapMessages,
  ...consoleMessages,
  ...visitMessages,
  ...bookingMessages,
};
