/* DNN dnncore (mirror stub) */
function __doPostBack(t,a){var f=document.forms['Form'];if(f){f.__EVENTTARGET.value=t;f.__EVENTARGUMENT.value=a;f.submit()}}
var dnn=dnn||{};dnn.setVar=function(){};
