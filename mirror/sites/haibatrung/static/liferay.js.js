/* Liferay barebone (mirror stub) */
var AUI=AUI||function(){return{use:function(){var f=arguments[arguments.length-1];if(typeof f==='function'){try{f({})}catch(e){}}}}};
Liferay.Util={addInputType:function(){}};Liferay.Portlet={ready:function(){},list:[]};
function hnShare(n){return false}function hnSiteMap(){return false}
